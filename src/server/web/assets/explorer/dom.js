// Small DOM helpers: elements built with textContent only (data never becomes HTML).

/** Creates an element; attributes starting with "on" become listeners; children may be strings, nodes, arrays, null. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces an element's content. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
  '#7b4173',
  '#3182bd',
  '#e6550d',
  '#31a354',
  '#756bb1',
  '#636363',
  '#6baed6',
  '#fd8d3c',
  '#74c476',
  '#9e9ac8',
  '#969696',
  '#ad494a',
];
const TYPES = [
  'HOLDS_OFFICE',
  'LEADS',
  'PART_OF',
  'MEMBER_OF',
  'PARTICIPATED_IN',
  'HELD_IN',
  'RESULTED_IN',
  'PARTY_TO',
  'COMMITTED_TO',
  'CONCERNS',
  'SAID',
  'MADE_AT',
  'ISSUED',
  'APPLIES_TO',
  'SUSPENDS',
  'IMPLEMENTS',
  'OPERATES',
  'LOCATED_IN',
  'PRODUCES',
  'HOLDS_RESERVES',
  'USED_IN',
  'SOURCE_OF',
  'INVESTED_IN',
  'DEPENDS_ON',
  'CLAIMS',
  'CONTRADICTS',
];
const KINDS = [
  'PERSON',
  'COUNTRY',
  'ORGANIZATION',
  'ALLIANCE',
  'MATERIAL',
  'APPLICATION',
  'FACILITY',
  'EVENT',
  'AGREEMENT',
  'COMMITMENT',
  'MEASURE',
  'STATEMENT',
  'SOURCE',
];
const KIND_COLOURS = [
  '#e8590c',
  '#2b8a3e',
  '#1971c2',
  '#0c8599',
  '#9c36b5',
  '#c2255c',
  '#5f3dc4',
  '#e67700',
  '#087f5b',
  '#495057',
  '#c92a2a',
  '#364fc7',
  '#868e96',
];

/** A fixed colour per relationship type (same in lists, graph and legend). */
export const typeColour = (type) => PALETTE[Math.max(0, TYPES.indexOf(type)) % PALETTE.length];
/** A fixed colour per entity kind. */
export const kindColour = (kind) => KIND_COLOURS[Math.max(0, KINDS.indexOf(kind))];

/** "HOLDS_OFFICE" -> "holds office". */
export const words = (enumValue) => String(enumValue).toLowerCase().replaceAll('_', ' ');

export const entityHref = (id) => `#/entity/${encodeURIComponent(id)}`;

/** A link to an entity with its kind badge. */
export function entityLink(entity) {
  return h(
    'span',
    {},
    h('span', { class: 'kind' }, words(entity.kind)),
    h('a', { href: entityHref(entity.id) }, entity.name),
  );
}

/** A relationship's citations one click away: quote (when held), locator and source. */
export function citations(list, open = false) {
  const n = list.length;
  return h(
    'details',
    { class: 'cites', open },
    h('summary', {}, `${n} citation${n === 1 ? '' : 's'}`),
    h(
      'ol',
      {},
      list.map((c) =>
        h(
          'li',
          { class: 'citation' },
          c.quote ? h('blockquote', {}, `“${c.quote}”`) : null,
          h(
            'div',
            {},
            h('a', { href: entityHref(c.source.id) }, c.source.name),
            c.source.date ? ` (${c.source.date})` : '',
            c.source.url
              ? [' ', h('a', { href: c.source.url, rel: 'noreferrer', target: '_blank' }, 'original')]
              : '',
          ),
          c.locator ? h('div', { class: 'rel-meta' }, c.locator) : null,
        ),
      ),
    ),
  );
}

/** The figures and dates a relationship carries, as one line. */
export function relationshipMeta(r) {
  const parts = [];
  if (r.stage) parts.push(words(r.stage));
  if (r.status) parts.push(words(r.status));
  if (r.volume !== null && r.volume !== undefined)
    parts.push(
      `${r.qualifier ? `${r.qualifier} ` : ''}${r.volume.toLocaleString('en')}${r.unit ? ` ${r.unit}` : ''}`,
    );
  if (r.capacity !== null && r.capacity !== undefined)
    parts.push(`capacity ${r.capacity.toLocaleString('en')}${r.unit ? ` ${r.unit}` : ''}`);
  if (r.share !== null && r.share !== undefined) parts.push(`${r.share}% of world`);
  if (r.year) parts.push(String(r.year));
  if (r.basis) parts.push(`${words(r.basis)} basis`);
  if (r.validFrom || r.validUntil) parts.push(`${r.validFrom ?? '…'} → ${r.validUntil ?? '…'}`);
  if (r.confidence) parts.push(words(r.confidence));
  return parts.join(' · ');
}

export function errorMessage(e) {
  return h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e));
}
