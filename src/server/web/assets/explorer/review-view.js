// The review page (#/review, #/review/<document id>): an editor ingests a document, reads it with
// every proposal's quote highlighted at its offset, and accepts, edits, rejects or undoes each one,
// by button or keyboard. The editor's key is held in sessionStorage only (never in the URL), and
// the document's text is rendered as text nodes (never as HTML).
import { ApiError, run } from './api.js';
import { h, show, words } from './dom.js';

const KEY_STORE = 'explorer.editorKey';
const NOTE = 'Reviewed in the explorer against the document';
const SHORTCUTS = [
  ['j / ↓', 'next proposal'],
  ['k / ↑', 'previous proposal'],
  ['a', 'accept the selected proposal'],
  ['e', 'edit it, then accept'],
  ['r', 'reject it, with a reason'],
  ['u', 'undo its accept'],
  ['Esc', 'close a form'],
  ['?', 'show or hide this help'],
];

const editorKey = () => sessionStorage.getItem(KEY_STORE) ?? '';
const reviewHref = (id) => `#/review/${encodeURIComponent(id)}`;

/** The API's errors as "message (CODE)" lines; other failures by their message. */
function problems(e) {
  const list = e instanceof ApiError ? e.errors : [{ message: e instanceof Error ? e.message : String(e) }];
  return h(
    'div',
    { class: 'error', role: 'alert' },
    list.map((x) => h('p', {}, x.message, x.code ? h('code', { class: 'code' }, ` (${x.code})`) : null)),
  );
}

/** Holding the editor's key for this tab: a password field, never put in the URL. */
function keyForm(onChange) {
  const input = h('input', {
    id: 'review-key',
    type: 'password',
    autocomplete: 'off',
    placeholder: 'Editor API key',
  });
  const state = h('span', { class: 'muted', 'aria-live': 'polite' });
  const refresh = () => {
    state.textContent = editorKey() ? 'A key is held for this tab.' : 'No key: paste an editor key.';
  };
  refresh();
  return h(
    'form',
    {
      class: 'review-row review-key',
      onsubmit: (ev) => {
        ev.preventDefault();
        if (!input.value.trim()) return;
        sessionStorage.setItem(KEY_STORE, input.value.trim());
        input.value = '';
        refresh();
        onChange();
      },
    },
    h('label', { for: 'review-key' }, 'Editor key'),
    input,
    h('button', { type: 'submit' }, 'Use key'),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          sessionStorage.removeItem(KEY_STORE);
          refresh();
          onChange();
        },
      },
      'Forget key',
    ),
    state,
  );
}

function helpPanel() {
  return h(
    'details',
    { class: 'review-help', id: 'review-help' },
    h('summary', {}, 'Keyboard shortcuts (?)'),
    h(
      'dl',
      {},
      SHORTCUTS.map(([k, what]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, what)]),
    ),
  );
}

/** A labelled field of a form. */
function field(label, attrs) {
  const id = `f-${Math.random().toString(36).slice(2, 9)}`;
  const input = h(attrs.rows ? 'textarea' : 'input', { id, ...attrs });
  return [h('label', { for: id }, label), input];
}

// ---------------------------------------------------------------------------------------------
// The index: documents with proposals, and the ingest form.

/** Documents in the review queue, by id, with counts per status (pages through the queue, at most 2,000 proposals). */
async function queue(key) {
  const docs = new Map();
  let after = null;
  for (let page = 0; page < 20; page++) {
    const { proposals } = await run('ReviewQueue', { first: 100, after }, { key });
    for (const p of proposals.nodes) {
      const d = docs.get(p.documentId) ?? { id: p.documentId, PENDING: 0, ACCEPTED: 0, REJECTED: 0 };
      d[p.status] += 1;
      docs.set(p.documentId, d);
    }
    if (!proposals.pageInfo.hasNextPage) break;
    after = proposals.pageInfo.endCursor;
  }
  const list = [...docs.values()];
  const names = await Promise.all(list.map((d) => run('EntityRef', { id: d.id }).catch(() => null)));
  list.forEach((d, i) => (d.name = names[i]?.entity?.name ?? d.id));
  return list;
}

function ingestForm(key) {
  const out = h('div', { 'aria-live': 'polite' });
  const [titleLabel, title] = field('Title', { name: 'title', required: true, maxlength: 300 });
  const [publisherLabel, publisher] = field('Publisher', {
    name: 'publisher',
    required: true,
    maxlength: 200,
  });
  const [publishedLabel, published] = field('Published', { name: 'published', type: 'date', required: true });
  const [urlLabel, url] = field('URL (optional)', { name: 'url', type: 'url' });
  const [textLabel, text] = field('Text', { name: 'text', rows: 10, required: true });
  const [noteLabel, note] = field('Note', { name: 'note', value: 'Weekly reading', required: true });
  const submit = h('button', { type: 'submit' }, 'Ingest');
  return h(
    'form',
    {
      class: 'review-ingest',
      onsubmit: async (ev) => {
        ev.preventDefault();
        submit.disabled = true;
        show(out, h('p', { class: 'muted' }, 'Ingesting…'));
        try {
          const { ingestDocument: r } = await run(
            'IngestDocument',
            {
              input: {
                title: title.value,
                publisher: publisher.value,
                published: published.value,
                url: url.value || null,
                text: text.value,
              },
              note: note.value,
            },
            { key },
          );
          show(
            out,
            h(
              'p',
              { class: 'ingested' },
              `Ingested as ${r.document.id}: ${r.proposals} proposals (${r.newProposals} new).`,
            ),
          );
          location.hash = reviewHref(r.document.id);
        } catch (e) {
          show(out, problems(e));
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('h3', {}, 'Ingest a document'),
    h(
      'div',
      { class: 'review-fields' },
      titleLabel,
      title,
      publisherLabel,
      publisher,
      publishedLabel,
      published,
    ),
    h('div', { class: 'review-fields' }, urlLabel, url, noteLabel, note),
    textLabel,
    text,
    h('div', {}, submit),
    out,
  );
}

async function indexPage(main) {
  const key = editorKey();
  const docs = h('div', { class: 'review-docs' });
  const [openLabel, openInput] = field('Document id', { name: 'document', placeholder: 'doc-…' });
  show(
    main,
    h(
      'div',
      { class: 'card review' },
      h('h2', {}, 'Review proposals'),
      h(
        'p',
        {},
        'Extraction proposes facts from ingested documents; nothing it proposes is served until an editor accepts it. Writes need an editor key, held in this tab only.',
      ),
      keyForm(() => void indexPage(main)),
      helpPanel(),
    ),
    key
      ? [
          h(
            'div',
            { class: 'card' },
            h('h3', {}, 'Documents with proposals'),
            docs,
            h(
              'form',
              {
                class: 'review-row',
                onsubmit: (ev) => {
                  ev.preventDefault();
                  if (openInput.value.trim()) location.hash = reviewHref(openInput.value.trim());
                },
              },
              openLabel,
              openInput,
              h('button', { type: 'submit' }, 'Open'),
            ),
          ),
          h('div', { class: 'card' }, ingestForm(key)),
        ]
      : null,
  );
  if (!key) return;
  show(docs, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const list = await queue(key);
    show(
      docs,
      list.length === 0
        ? h('p', { class: 'muted' }, 'No document has proposals yet: ingest one below.')
        : h(
            'ul',
            { class: 'results' },
            list.map((d) =>
              h(
                'li',
                {},
                h('a', { href: reviewHref(d.id) }, d.name),
                h(
                  'span',
                  { class: 'rel-meta' },
                  ` ${d.PENDING} pending · ${d.ACCEPTED} accepted · ${d.REJECTED} rejected`,
                ),
              ),
            ),
          ),
    );
  } catch (e) {
    show(docs, problems(e));
  }
}

// ---------------------------------------------------------------------------------------------
// One document under review.

/** The review of the document shown, or null (the keyboard handler acts only on it). */
let current = null;

const itemId = (i) => `proposal-${i}`;

/** What a proposal would add, as one line. */
function adds(p, names) {
  const name = (id) => names.get(id) ?? id;
  if (p.entity)
    return `${words(p.entity.kind)} “${p.entity.name}”${p.entity.aliases.length ? ` (also ${p.entity.aliases.join(', ')})` : ''} as ${p.entity.id}`;
  if (p.relationship) {
    const r = p.relationship;
    const when = r.validFrom || r.validUntil ? ` · ${r.validFrom ?? '…'} → ${r.validUntil ?? '…'}` : '';
    const extra = ['title', 'qualifier', 'share', 'volume', 'capacity', 'unit', 'stage', 'year']
      .filter((k) => r.fields[k] !== undefined && r.fields[k] !== null)
      .map((k) => `${k} ${r.fields[k]}`);
    return `${name(r.from)} —${words(r.type)}→ ${name(r.to)}${when}${extra.length ? ` · ${extra.join(', ')}` : ''}`;
  }
  if (p.citation) return `a citation of ${words(p.citation.type)} ${p.citation.relationshipId}`;
  return '';
}

/**
 * The text as runs split at every quote's start and end: each run that some quote covers is a
 * <mark> naming the proposals covering it (data-ids) and described by their list items, so
 * overlapping quotes nest as runs covered by several proposals.
 */
function highlighted(text, proposals, selected) {
  const cuts = new Set([0, text.length]);
  for (const p of proposals) {
    cuts.add(Math.max(0, Math.min(text.length, p.offset)));
    cuts.add(Math.max(0, Math.min(text.length, p.offset + p.quote.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const covering = [];
    proposals.forEach((p, j) => {
      if (p.offset <= start && p.offset + p.quote.length >= end) covering.push(j);
    });
    if (covering.length === 0) {
      runs.push(piece);
      continue;
    }
    const statuses = new Set(covering.map((j) => proposals[j].status));
    runs.push(
      h(
        'mark',
        {
          class: [
            'hl',
            `depth-${Math.min(3, covering.length)}`,
            covering.includes(selected) ? 'current' : '',
            statuses.size === 1 ? `st-${[...statuses][0].toLowerCase()}` : '',
          ]
            .filter(Boolean)
            .join(' '),
          'data-ids': covering.map((j) => proposals[j].id).join(' '),
          'aria-describedby': covering.map(itemId).join(' '),
          title: `${covering.length} proposal${covering.length === 1 ? '' : 's'}: click to select`,
          onclick: () => {
            // Clicking again cycles through the proposals covering this run.
            const at = covering.indexOf(current?.selected ?? -1);
            select(covering[(at + 1) % covering.length], true);
          },
        },
        piece,
      ),
    );
  }
  return runs;
}

/** The edits form of a proposal: the fields acceptProposal's `edits` takes for its type, prefilled. */
function editForm(p, i) {
  const inputs = {};
  const rows = [];
  const add = (name, label, value) => {
    const [l, input] = field(label, { name, value: value ?? '' });
    inputs[name] = [input, value ?? ''];
    rows.push(l, input);
  };
  if (p.entity) {
    add('id', 'Id', p.entity.id);
    add('name', 'Name', p.entity.name);
    add('aliases', 'Aliases (comma-separated)', p.entity.aliases.join(', '));
  } else if (p.relationship) {
    add('from', 'From (entity id)', p.relationship.from);
    add('to', 'To (entity id)', p.relationship.to);
    add('validFrom', 'Valid from', p.relationship.validFrom);
    add('validUntil', 'Valid until', p.relationship.validUntil);
  } else if (p.citation) add('relationshipId', 'Relationship id', p.citation.relationshipId);
  return inlineForm(
    i,
    'review-edit',
    'Accept edited',
    () => {
      const edits = {};
      for (const [name, [input, was]] of Object.entries(inputs)) {
        const value = input.value.trim();
        if (value === String(was)) continue;
        edits[name] =
          name === 'aliases'
            ? value
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean)
            : value || null;
      }
      return act(i, 'AcceptProposal', { edits });
    },
    h('div', { class: 'review-fields' }, rows),
  );
}

/** A hidden form in proposal i's item: its fields, a submit button and Cancel; Escape closes it. */
function inlineForm(i, className, submitLabel, submit, ...fields) {
  return h(
    'form',
    {
      class: className,
      hidden: true,
      onsubmit: (ev) => {
        ev.preventDefault();
        void submit();
      },
      onkeydown: closeOnEscape,
    },
    fields,
    h('button', { type: 'submit' }, submitLabel),
    h('button', { type: 'button', class: 'secondary', onclick: () => closeForms(i) }, 'Cancel'),
  );
}

function rejectForm(i) {
  const [label, reason] = field('Reason', { name: 'reason', required: true });
  return inlineForm(
    i,
    'review-reject review-row',
    'Reject',
    () => act(i, 'RejectProposal', { reason: reason.value }),
    label,
    reason,
  );
}

function closeOnEscape(ev) {
  if (ev.key !== 'Escape' || !current) return;
  ev.preventDefault();
  closeForms(current.selected);
}

function closeForms(i) {
  const li = document.getElementById(itemId(i));
  if (!li) return;
  for (const form of li.querySelectorAll('form')) form.hidden = true;
  li.focus();
}

/** Whether proposal i has `status`; if not, says in its item what the shortcut needs (`done`: "accepted", …). */
function needs(i, status, done) {
  if (current.proposals[i].status === status) return true;
  const errors = document.getElementById(itemId(i))?.querySelector('.item-errors');
  if (errors) show(errors, problems(new Error(`Only ${words(status)} proposals can be ${done}.`)));
  return false;
}

function openForm(i, which) {
  if (!needs(i, 'PENDING', which === 'edit' ? 'edited' : 'rejected')) return;
  const li = document.getElementById(itemId(i));
  for (const form of li.querySelectorAll('form')) form.hidden = true;
  const form = li.querySelector(which === 'edit' ? '.review-edit' : '.review-reject');
  form.hidden = false;
  form.querySelector('input').focus();
}

function proposalItem(p, i, names) {
  const pending = p.status === 'PENDING';
  const undoable = p.status === 'ACCEPTED' && p.type !== 'ENTITY';
  const deps = p.dependsOn.map((id) => current.proposals.find((q) => q.id === id));
  return h(
    'li',
    {
      id: itemId(i),
      class: `proposal st-${p.status.toLowerCase()}${i === current.selected ? ' selected' : ''}`,
      tabindex: -1,
      'data-id': p.id,
      'data-status': p.status,
      'aria-current': i === current.selected ? 'true' : null,
      'aria-label': `${words(p.type)} proposal, ${words(p.status)}: ${adds(p, names)}`,
      onclick: (ev) => {
        if (!ev.target.closest('button, input, textarea, form, a')) select(i, false);
      },
    },
    h(
      'div',
      { class: 'proposal-head' },
      h('span', { class: 'kind' }, words(p.type)),
      h('span', { class: 'status' }, words(p.status)),
      h('span', { class: 'rel-meta' }, `rule ${p.rule} · confidence ${Math.round(p.confidence * 100)}%`),
    ),
    h('div', { class: 'adds' }, adds(p, names)),
    deps.length
      ? h(
          'div',
          { class: 'rel-meta depends' },
          'Needs first: ',
          deps.map((d, k) => [
            k ? ', ' : '',
            d ? `${d.entity?.name ?? d.id} (${words(d.status)})` : p.dependsOn[k],
          ]),
        )
      : null,
    h('blockquote', { class: 'quote' }, `“${p.quote}”`),
    p.review
      ? h(
          'div',
          { class: 'rel-meta review-done' },
          `${words(p.status)} by ${p.review.actor}`,
          p.review.reason ? ` — ${p.review.reason}` : '',
        )
      : null,
    h(
      'div',
      { class: 'proposal-actions' },
      pending
        ? h('button', { type: 'button', onclick: () => void act(i, 'AcceptProposal') }, 'Accept')
        : null,
      pending
        ? h('button', { type: 'button', class: 'secondary', onclick: () => openForm(i, 'edit') }, 'Edit')
        : null,
      pending
        ? h('button', { type: 'button', class: 'secondary', onclick: () => openForm(i, 'reject') }, 'Reject…')
        : null,
      undoable
        ? h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => void act(i, 'UndoAcceptProposal') },
            'Undo accept',
          )
        : null,
    ),
    pending ? [editForm(p, i), rejectForm(i)] : null,
    h('div', { class: 'item-errors' }),
  );
}

/** Redraws the text and the list from `current`, keeping the selection (and focus on it when asked). */
function render(focus) {
  const { doc, proposals, selected, names } = current;
  const counts = { PENDING: 0, ACCEPTED: 0, REJECTED: 0 };
  for (const p of proposals) counts[p.status] += 1;
  show(
    current.counts,
    `${proposals.length} proposals: ${counts.PENDING} pending · ${counts.ACCEPTED} accepted · ${counts.REJECTED} rejected`,
  );
  show(current.text, highlighted(doc.text, proposals, selected));
  show(
    current.list,
    proposals.map((p, i) => proposalItem(p, i, names)),
  );
  if (focus) focusSelected();
}

function focusSelected() {
  const li = document.getElementById(itemId(current.selected));
  if (!li) return;
  li.focus();
  li.scrollIntoView({ block: 'nearest' });
  current.text.querySelector('mark.current')?.scrollIntoView({ block: 'nearest' });
}

function select(i, focus = true) {
  if (!current || i < 0 || i >= current.proposals.length) return;
  current.selected = i;
  const id = current.proposals[i].id;
  for (const li of current.list.children) {
    const on = li.id === itemId(i);
    li.classList.toggle('selected', on);
    if (on) li.setAttribute('aria-current', 'true');
    else li.removeAttribute('aria-current');
  }
  for (const mark of current.text.querySelectorAll('mark'))
    mark.classList.toggle('current', mark.dataset.ids.split(' ').includes(id));
  if (focus) focusSelected();
}

/** Runs a review mutation on proposal i; its answer replaces the proposal; errors show in its item. */
async function act(i, operation, extra = {}) {
  const state = current;
  const p = state.proposals[i];
  const variables = { id: p.id, ...extra };
  if (operation !== 'RejectProposal') variables.note = state.note.value.trim() || NOTE;
  const li = document.getElementById(itemId(i));
  li?.classList.add('busy');
  try {
    const data = await run(operation, variables, { key: editorKey() });
    const updated = Object.values(data)[0].proposal;
    if (current !== state) return;
    state.proposals[i] = updated;
    if (updated.entity) state.names.set(updated.entity.id, updated.entity.name);
    render(true);
    state.status.textContent = `${words(updated.type)} proposal ${updated.id} is ${words(updated.status)}.`;
  } catch (e) {
    if (current !== state) return;
    li?.classList.remove('busy');
    const errors = document.getElementById(itemId(i))?.querySelector('.item-errors');
    if (errors) show(errors, problems(e));
  }
}

async function documentPage(main, id) {
  const key = editorKey();
  current = null;
  const intro = h(
    'div',
    { class: 'card review' },
    h('p', {}, h('a', { href: '#/review' }, '← All documents'), ' · review one document'),
    keyForm(() => void documentPage(main, id)),
    helpPanel(),
  );
  if (!key) {
    show(main, intro);
    return;
  }
  show(main, intro, h('p', { class: 'muted' }, 'Loading…'));
  let doc;
  const proposals = [];
  try {
    ({ entity: doc } = await run('ReviewDocument', { id }));
    if (!doc || typeof doc.text !== 'string') throw new Error(`No ingested document with id ${id}.`);
    let after = null;
    do {
      const page = (await run('ReviewProposals', { document: id, first: 100, after }, { key })).proposals;
      proposals.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
  } catch (e) {
    show(main, intro, problems(e));
    return;
  }
  // Reading order: by offset, entities before what depends on them at the same place.
  const rank = { ENTITY: 0, RELATIONSHIP: 1, CITATION: 2 };
  proposals.sort((a, b) => a.offset - b.offset || rank[a.type] - rank[b.type] || (a.id < b.id ? -1 : 1));
  const names = new Map();
  for (const p of proposals) if (p.entity) names.set(p.entity.id, p.entity.name);
  const [noteLabel, note] = field('Note for accepts and undos (kept in the audit trail)', {
    name: 'note',
    value: NOTE,
  });
  current = {
    id,
    doc,
    proposals,
    names,
    selected: 0,
    note,
    counts: h('p', { class: 'muted review-counts' }),
    status: h('p', { class: 'sr-only', role: 'status' }),
    text: h('div', {
      class: 'review-text',
      id: 'review-text',
      'aria-label': 'Document text with proposals highlighted',
    }),
    list: h('ol', { class: 'proposal-list', 'aria-label': 'Proposals' }),
  };
  show(
    main,
    intro,
    h(
      'div',
      { class: 'card' },
      h('h2', {}, doc.name),
      h(
        'p',
        { class: 'rel-meta' },
        [doc.publisher, doc.date, doc.id].filter(Boolean).join(' · '),
        doc.url ? [' · ', h('a', { href: doc.url, rel: 'noreferrer', target: '_blank' }, 'original')] : null,
      ),
      current.counts,
      h('div', { class: 'review-row' }, noteLabel, note),
      current.status,
    ),
    h(
      'div',
      { class: 'entity-layout' },
      h('section', { class: 'card' }, h('h3', {}, 'Text'), current.text),
      h('section', { class: 'card' }, h('h3', {}, 'Proposals'), current.list),
    ),
  );
  render(false);
}

document.addEventListener('keydown', (ev) => {
  if (!current || !location.hash.startsWith('#/review/')) return;
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.target.closest?.('input, textarea, select, [contenteditable]')) return;
  const i = current.selected;
  const actions = {
    j: () => select(i + 1),
    ArrowDown: () => select(i + 1),
    k: () => select(i - 1),
    ArrowUp: () => select(i - 1),
    a: () => {
      if (needs(i, 'PENDING', 'accepted')) void act(i, 'AcceptProposal');
    },
    e: () => openForm(i, 'edit'),
    r: () => openForm(i, 'reject'),
    u: () => {
      if (needs(i, 'ACCEPTED', 'undone')) void act(i, 'UndoAcceptProposal');
    },
    '?': () => {
      const help = document.getElementById('review-help');
      help.open = !help.open;
      if (help.open) help.querySelector('summary').focus();
    },
  };
  const action = actions[ev.key];
  if (!action) return;
  ev.preventDefault();
  action();
});

/** #/review (documents and the ingest form) or #/review/<document id> (the review itself). */
export async function reviewView(main, id) {
  current = null;
  if (id) await documentPage(main, id);
  else await indexPage(main);
}
