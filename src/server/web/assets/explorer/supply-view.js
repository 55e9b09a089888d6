// The supply view: allied alternatives for a material and stage, country shares before and
// after excluding a country, and the concentration index (HHI), as of a chosen day.
import { run } from './api.js';
import { citations, entityLink, errorMessage, h, relationshipMeta, show, words } from './dom.js';

const COLUMNS = ['Supplier', 'Status', 'Site', 'Operators', 'Qualifies through', 'Figures', 'Citations'];
const STAGES = ['MINING', 'PROCESSING', 'SEPARATION', 'METAL', 'MAGNETS'];
let choices;

function select(name, options, value, allLabel) {
  return h(
    'select',
    { name },
    allLabel ? h('option', { value: '' }, allLabel) : null,
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
}

function bars(shares, excluded) {
  if (shares.length === 0) return h('p', { class: 'muted' }, 'No country shares recorded.');
  return h(
    'div',
    { class: 'bars' },
    shares.map((s) => [
      h('span', {}, s.country.name),
      h(
        'span',
        { class: 'bar-track' },
        h('span', {
          class: `bar-fill${excluded.has(s.country.id) ? ' excluded' : ''}`,
          style: `width:${Math.max(0.5, s.share)}%;display:block`,
        }),
      ),
      h('span', {}, `${s.approximate ? `${s.qualifier} ` : ''}${s.share}%`),
    ]),
  );
}

const stat = (label, value) =>
  h('div', { class: 'stat' }, h('span', { class: 'muted' }, label), h('b', {}, value));
const fmt = (n) =>
  n === null || n === undefined ? '—' : n.toLocaleString('en', { maximumFractionDigits: 2 });

/** A figure, or "no data" with its reason when the answer has none (never 0). */
const figure = (n, missing, suffix = '') =>
  n === null || n === undefined
    ? h(
        'span',
        { class: 'no-data', title: missing?.message ?? '' },
        'no data',
        missing ? h('small', {}, ` (${words(missing.reason)})`) : null,
      )
    : `${fmt(n)}${suffix}`;

/** What an answer was for, as the API echoes it. */
function answeredFor(q) {
  const parts = [
    q.material.name,
    q.stage ? words(q.stage) : 'every stage',
    q.basis ? `${words(q.basis)} basis` : null,
    `as of ${q.asOf}`,
  ];
  if (q.excluding.length) parts.push(`without ${q.excluding.map((c) => c.name).join(', ')}`);
  if (q.alliedWith) parts.push(`allied with ${q.alliedWith.name}`);
  return h('p', { class: 'muted answered-for' }, 'Answered for: ', parts.filter(Boolean).join(' · '));
}

/** The status that held on the day asked, when it began or was last recorded, and the plans beside it (never the latest status). */
function statusCell(a) {
  if (!a.statusAsOf) return '—';
  const { status, since, recordedOn } = a.statusAsOf;
  const when =
    since === null
      ? ' (date not recorded)'
      : recordedOn !== since
        ? ` (since ${since}, recorded ${recordedOn})`
        : ` (since ${since})`;
  const plans = a.plannedMilestones.map((m) => `${words(m.status)} planned ${m.date}`).join('; ');
  return h('span', {}, `${words(status)}${when}`, plans ? h('div', { class: 'muted' }, plans) : null);
}

function alternativesTable(rows) {
  if (rows.length === 0)
    return h(
      'p',
      { class: 'muted' },
      'No allied alternatives recorded for this material and stage on this day.',
    );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'alternatives' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          COLUMNS.map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((a) =>
          h(
            'tr',
            {},
            [
              entityLink(a.supplier),
              statusCell(a),
              a.siteCountry?.name ?? '—',
              a.operators.map((o) => o.name).join(', ') || '—',
              `${words(a.qualifiesThrough)}: ${a.qualifyingCountry.name}${a.domestic ? ' (domestic)' : ''}`,
              relationshipMeta(a.relationship) || '—',
              citations(a.relationship.citations),
            ].map((cell, i) => h('td', { 'data-label': COLUMNS[i] }, cell)),
          ),
        ),
      ),
    ),
  );
}

/** Renders the supply view of `material`; params: stage, excluding (a country id), asOf (YYYY-MM-DD). */
export async function supplyView(main, material, params) {
  // A stage is required (shares of different stages cannot be summed); the form shows the one used.
  const stage = params.get('stage') || 'SEPARATION';
  const excluding = params.get('excluding') ?? 'china';
  const asOf = params.get('asOf') ?? new Date().toISOString().slice(0, 10);
  show(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    choices ??= await run('SupplyChoices');
    const data = await run('SupplyView', { material, stage, excluding: [excluding], asOf });
    const form = h(
      'form',
      {
        class: 'card',
        onsubmit: (ev) => {
          ev.preventDefault();
          const f = new FormData(ev.target);
          const q = new URLSearchParams({
            stage: f.get('stage'),
            excluding: f.get('excluding'),
            asOf: f.get('asOf'),
          });
          location.hash = `#/supply/${encodeURIComponent(f.get('material'))}?${q}`;
        },
      },
      h('h2', {}, 'Supply: ', data.material ? entityLink(data.material) : material),
      h(
        'div',
        { class: 'form-row' },
        h(
          'label',
          {},
          'Material',
          select(
            'material',
            choices.materials.nodes.map((m) => [m.id, m.name]),
            material,
          ),
        ),
        h(
          'label',
          {},
          'Stage',
          select(
            'stage',
            STAGES.map((s) => [s, words(s)]),
            stage,
          ),
        ),
        h(
          'label',
          {},
          'Cut off',
          select(
            'excluding',
            choices.countries.nodes.map((c) => [c.id, c.name]),
            excluding,
          ),
        ),
        h('label', {}, 'As of', h('input', { type: 'date', name: 'asOf', value: asOf, required: true })),
        h('button', { type: 'submit' }, 'Show'),
      ),
    );
    const risk = data.supplyRisk;
    const after = risk.afterExclusion;
    const alternatives = data.supplyAlternatives.alternatives;
    const cut = new Set([excluding]);
    const cutName = choices.countries.nodes.find((c) => c.id === excluding)?.name ?? excluding;
    show(
      main,
      form,
      h(
        'div',
        { class: 'card' },
        h('h2', {}, `Allied alternatives if ${cutName} is cut off (${alternatives.length})`),
        answeredFor(data.supplyAlternatives.query),
        alternativesTable(alternatives),
      ),
      h(
        'div',
        { class: 'card risk' },
        h('h2', {}, 'Concentration'),
        answeredFor(risk.query),
        risk.missing ? h('p', { class: 'no-data-reason' }, risk.missing.message) : null,
        h(
          'p',
          { class: 'muted' },
          `${risk.year ?? 'No year'}${risk.basis ? ` · ${words(risk.basis)} basis` : ''}${risk.unit ? ` · ${risk.unit}` : ''}${risk.worldVolume ? ` · world ${fmt(risk.worldVolume)}` : ''}`,
        ),
        h(
          'div',
          { class: 'stats' },
          stat('HHI before', figure(risk.hhi, risk.missing)),
          stat(`HHI without ${cutName}`, figure(after.hhi, after.missing)),
          stat(
            'Top share before',
            risk.topCountry
              ? `${risk.topCountry.name} ${risk.topShareApproximate ? `${risk.shares[0].qualifier} ` : ''}${fmt(risk.topShare)}%`
              : figure(null, risk.missing),
          ),
          stat(`World left without ${cutName}`, figure(after.remainingShare, after.missing, '%')),
        ),
        h(
          'div',
          { class: 'two' },
          h(
            'div',
            {},
            h('h3', {}, 'Shares of world supply'),
            bars(risk.shares, cut),
            risk.unattributedShare
              ? h('p', { class: 'muted' }, `Unattributed: ${fmt(risk.unattributedShare)}%`)
              : null,
          ),
          h(
            'div',
            {},
            h('h3', {}, `Shares of what remains without ${cutName}`),
            after.missing
              ? h('p', { class: 'no-data-reason' }, after.missing.message)
              : bars(after.shares, cut),
            after.unattributedShare
              ? h('p', { class: 'muted' }, `Unattributed: ${fmt(after.unattributedShare)}%`)
              : null,
          ),
        ),
        risk.shares.length
          ? h(
              'details',
              { class: 'cites' },
              h('summary', {}, 'Sources of the shares'),
              risk.shares.map((s) => h('div', {}, s.country.name, citations(s.relationship.citations))),
            )
          : null,
      ),
    );
  } catch (e) {
    show(main, errorMessage(e));
  }
}
