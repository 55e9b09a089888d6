// The entity view: facts, relationships grouped by type with citations, and the drawn neighbourhood.
import { run } from './api.js';
import { citations, entityLink, errorMessage, h, relationshipMeta, show, typeColour, words } from './dom.js';
import { neighbourhoodGraph } from './graph-view.js';

const FACT_FIELDS = [
  ['symbol', 'Symbol'],
  ['atomicNumber', 'Atomic number'],
  ['reeClass', 'Class (USGS)'],
  ['iupacClass', 'Class (IUPAC)'],
  ['iso2', 'ISO code'],
  ['category', 'Category'],
  ['facilityStatus', 'Status'],
  ['measureType', 'Measure type'],
  ['number', 'Number'],
  ['date', 'Date'],
  ['validFrom', 'Valid from'],
  ['validUntil', 'Valid until'],
  ['lifecycle', 'Status today'],
  ['text', 'Text'],
  ['publisher', 'Publisher'],
  ['ref', 'Reference'],
];

function facts(e) {
  const rows = [];
  const add = (label, value) => rows.push(h('dt', {}, label), h('dd', {}, value));
  if (e.description) add('About', e.description);
  for (const [key, label] of FACT_FIELDS) {
    const v = e[key];
    if (v !== undefined && v !== null && v !== '')
      add(label, typeof v === 'string' && /^[A-Z_]+$/.test(v) ? words(v) : String(v));
  }
  if (e.url) add('Address', h('a', { href: e.url, rel: 'noreferrer', target: '_blank' }, e.url));
  if (e.aliases?.length) add('Also known as', e.aliases.join(', '));
  return h('dl', { class: 'facts' }, rows);
}

/** The export formats (served under /export), as offered for download. */
const EXPORTS = [
  ['graph.graphml', 'GraphML'],
  ['nodes.csv', 'Nodes (CSV)'],
  ['edges.csv', 'Edges (CSV)'],
  ['graph.jsonld', 'JSON-LD'],
];

/** The address of an export with the given filters (empty ones left out). */
function exportHref(file, filters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const query = params.toString();
  return `/export/${file}${query ? `?${query}` : ''}`;
}

/** "Download this view": the centre's neighbourhood (as first drawn) in each format, on the day chosen (none: every relationship). */
function downloads(id, asOf) {
  const links = h('p', { class: 'download-links' });
  const day = h('input', { type: 'date', id: 'download-as-of', value: asOf ?? '' });
  const render = () =>
    show(
      links,
      EXPORTS.map(([file, label], i) => [
        i ? ' · ' : '',
        h(
          'a',
          {
            href: exportHref(file, { around: id, depth: 1, asOf: day.value }),
            download: '',
            'data-format': file,
          },
          label,
        ),
      ]),
    );
  day.addEventListener('input', render);
  render();
  return h(
    'div',
    { class: 'downloads' },
    h('h3', {}, 'Download this view'),
    h('label', { for: 'download-as-of' }, 'Relationships as of '),
    day,
    links,
    h(
      'p',
      { class: 'muted' },
      'The entities one hop away and the relationships among them, each with its citations.',
    ),
  );
}

function relationshipItem(r, selfId) {
  const outgoing = r.from.id === selfId;
  const other = outgoing ? r.to : r.from;
  const office =
    r.type === 'HOLDS_OFFICE' && r.title
      ? h('strong', { class: 'office' }, `${r.title} — `)
      : r.title
        ? h('strong', {}, `${r.title} — `)
        : null;
  return h(
    'li',
    { 'data-rel': r.id },
    h('span', { class: 'rel-meta' }, outgoing ? '→ ' : '← '),
    office,
    entityLink(other),
    r.disputed ? h('span', { class: 'disputed' }, ' disputed') : null,
    relationshipMeta(r) ? h('div', { class: 'rel-meta' }, relationshipMeta(r)) : null,
    r.note ? h('div', { class: 'rel-meta' }, r.note) : null,
    citations(r.citations),
  );
}

function groups(rels, selfId) {
  const byType = new Map();
  for (const r of rels) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  return [...byType.entries()].map(([type, list]) =>
    h(
      'section',
      { class: 'rel-group', 'data-type': type },
      h(
        'h3',
        {},
        h('span', { class: 'swatch', style: `background:${typeColour(type)}` }),
        `${words(type)} (${list.length})`,
      ),
      h(
        'ul',
        { class: 'rels' },
        list.map((r) => relationshipItem(r, selfId)),
      ),
    ),
  );
}

/**
 * Renders entity `id` into `main`: facts, grouped relationships (paged by 100), its graph, and
 * download links for it (`asOf` from the address, e.g. `#/entity/china?asOf=2025-11-01`, preset).
 */
export async function entityView(main, id, params = new URLSearchParams()) {
  show(main, h('p', { class: 'muted' }, 'Loading…'));
  let data;
  try {
    data = await run('EntityView', { id });
  } catch (e) {
    show(main, errorMessage(e));
    return;
  }
  const e = data.entity;
  if (!e) {
    show(main, h('p', { class: 'error' }, `No entity with id “${id}”.`));
    return;
  }
  const rels = [...e.relationships.nodes];
  const relBox = h('div', {});
  const more = h('div', {});
  const renderRels = (page) => {
    show(relBox, groups(rels, e.id));
    show(
      more,
      page.pageInfo.hasNextPage
        ? h(
            'button',
            { class: 'secondary', onclick: () => void loadMore(page.pageInfo.endCursor) },
            `Show more (${rels.length} of ${page.totalCount})`,
          )
        : null,
    );
  };
  const loadMore = async (after) => {
    const next = await run('EntityView', { id, after });
    rels.push(...next.entity.relationships.nodes);
    renderRels(next.entity.relationships);
  };
  renderRels(e.relationships);

  const graphBox = h('div', { class: 'graph', id: 'graph' });
  const legend = h('div', { class: 'legend' });
  const panel = h('div', { class: 'edge-panel muted' }, 'Tap a line to read its citations.');
  const actions = h(
    'div',
    { class: 'actions' },
    h('a', { href: `#/path?from=${encodeURIComponent(e.id)}` }, 'Find a path from here'),
    e.kind === 'MATERIAL'
      ? h(
          'a',
          { href: `#/supply/${encodeURIComponent(e.id)}?stage=SEPARATION`, class: 'supply-link' },
          'Supply view',
        )
      : null,
  );
  show(
    main,
    h(
      'div',
      { class: 'entity-layout' },
      h(
        'div',
        {},
        h(
          'div',
          { class: 'card entity' },
          h('h2', {}, h('span', { class: 'kind' }, words(e.kind)), e.name),
          facts(e),
          actions,
        ),
        h(
          'div',
          { class: 'card' },
          h('h2', {}, `Relationships (${e.relationships.totalCount})`),
          relBox,
          more,
        ),
      ),
      h(
        'div',
        { class: 'card' },
        h('h2', {}, 'Neighbourhood'),
        h(
          'p',
          { class: 'muted' },
          'Tap a node to expand it; double-tap to open it; tap a line for its citations.',
        ),
        graphBox,
        legend,
        panel,
        downloads(e.id, params.get('asOf')),
      ),
    ),
  );
  await neighbourhoodGraph(graphBox, legend, panel, e.id);
}
