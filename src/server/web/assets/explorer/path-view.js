// The path finder: two entities (ids or search text), shortest paths, each hop with its citations.
import { run } from './api.js';
import { citations, entityLink, errorMessage, h, relationshipMeta, show, words } from './dom.js';
import { pathGraph } from './graph-view.js';

/** The entity with this id, or else the best search match for the text. */
async function resolve(text) {
  const { entity } = await run('EntityRef', { id: text });
  if (entity) return entity;
  const {
    search: { nodes: search },
  } = await run('SearchEntities', { text, first: 5 });
  const exact = search.find((e) => e.id === text || e.name.toLowerCase() === text.toLowerCase());
  const found = exact ?? search[0];
  if (!found) throw new Error(`Nothing matches “${text}”.`);
  return found;
}

/** One relationship of a hop, with its arrow pointing its own way along the path. */
function relationshipLine(r, fromId) {
  const label = `${words(r.type)}${r.title ? ` (${r.title})` : ''}`;
  return h(
    'div',
    { class: 'hop-rel' },
    h('span', { class: 'rel-meta' }, r.from.id === fromId ? ` —${label}→ ` : ` ←${label}— `),
    relationshipMeta(r) ? h('div', { class: 'rel-meta' }, relationshipMeta(r)) : null,
    citations(r.citations),
  );
}

/** A hop between two entities: every relationship between them (parallel ones too), each with its citations. */
function hopItem(hop, i, nodes) {
  const [a, b] = [nodes[i], nodes[i + 1]];
  return h(
    'li',
    { class: 'hop' },
    entityLink(a),
    ' — ',
    entityLink(b),
    ...hop.relationships.map((r) => relationshipLine(r, a.id)),
  );
}

/** Renders the path finder; with both `from` and `to` set, finds and draws the paths. */
export async function pathView(main, params) {
  const from = h('input', {
    name: 'from',
    value: params.get('from') ?? '',
    placeholder: 'e.g. Bessent',
    required: true,
  });
  const to = h('input', {
    name: 'to',
    value: params.get('to') ?? '',
    placeholder: 'e.g. Xi Jinping',
    required: true,
  });
  const out = h('div', {});
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: (ev) => {
        ev.preventDefault();
        location.hash = `#/path?from=${encodeURIComponent(from.value.trim())}&to=${encodeURIComponent(to.value.trim())}`;
      },
    },
    h('h2', {}, 'Path finder'),
    h(
      'div',
      { class: 'form-row' },
      h('label', {}, 'From', from),
      h('label', {}, 'To', to),
      h('button', { type: 'submit' }, 'Find path'),
    ),
  );
  show(main, form, out);
  if (!from.value || !to.value) return;
  show(out, h('p', { class: 'muted' }, 'Searching…'));
  try {
    const [a, b] = await Promise.all([resolve(from.value), resolve(to.value)]);
    const { paths } = await run('PathBetween', { from: a.id, to: b.id, first: 3, maxHops: 6 });
    if (paths.length === 0) {
      show(
        out,
        h(
          'p',
          { class: 'card' },
          'No path within 6 hops between ',
          entityLink(a),
          ' and ',
          entityLink(b),
          '.',
        ),
      );
      return;
    }
    const graphBox = h('div', { class: 'graph', id: 'path-graph' });
    const legend = h('div', { class: 'legend' });
    const panel = h('div', { class: 'edge-panel muted' }, 'Tap a hop to read its citations.');
    let highlight = () => {};
    show(
      out,
      h(
        'div',
        { class: 'entity-layout' },
        h(
          'div',
          {},
          paths.map((p, i) =>
            h(
              'div',
              { class: 'card path' },
              h('h3', {}, `Path ${i + 1}: ${p.length} hop${p.length === 1 ? '' : 's'}`),
              paths.length > 1
                ? h(
                    'button',
                    { class: 'secondary', type: 'button', onclick: () => highlight(i) },
                    'Highlight in the drawing',
                  )
                : null,
              h(
                'ol',
                { class: 'hops' },
                p.hops.map((hop, j) => hopItem(hop, j, p.nodes)),
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'card' },
          h('h3', {}, paths.length > 1 ? `The ${paths.length} paths, one highlighted` : 'The path'),
          graphBox,
          legend,
          panel,
        ),
      ),
    );
    highlight = pathGraph(graphBox, legend, panel, paths);
  } catch (e) {
    show(out, errorMessage(e));
  }
}
