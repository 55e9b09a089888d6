// Drawn graphs with Cytoscape.js: the expandable neighbourhood, and a path with its hops highlighted.
import cytoscape from '/explorer/vendor/cytoscape.esm.min.mjs';
import { run } from './api.js';
import {
  citations,
  entityLink,
  entityHref,
  errorMessage,
  h,
  kindColour,
  relationshipMeta,
  show,
  typeColour,
  words,
} from './dom.js';

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      label: 'data(label)',
      'font-size': 10,
      'min-zoomed-font-size': 7,
      'text-wrap': 'wrap',
      'text-max-width': 90,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      width: 18,
      height: 18,
      color: '#1d2330',
    },
  },
  {
    selector: 'node.centre',
    style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#14213d', 'font-weight': 'bold' },
  },
  { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#14213d' } },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': 'data(colour)',
      'target-arrow-color': 'data(colour)',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 8,
      'min-zoomed-font-size': 9,
      color: '#5c6577',
      'text-rotation': 'autorotate',
      'text-background-color': '#fff',
      'text-background-opacity': 0.8,
    },
  },
  { selector: 'edge.path', style: { 'line-color': '#d9480f', 'target-arrow-color': '#d9480f', width: 5 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#d9480f' } },
  { selector: '.faded', style: { opacity: 0.35 } },
  { selector: 'edge:selected', style: { width: 6, 'line-style': 'dashed' } },
];

const label = (name) => (name.length > 30 ? `${name.slice(0, 28)}…` : name);
const nodeData = (e, level) => ({
  data: { id: e.id, label: label(e.name), colour: kindColour(e.kind), kind: e.kind, level },
});
const edgeData = (r) => ({
  data: {
    id: r.id,
    source: r.from.id,
    target: r.to.id,
    label: r.title ? `${words(r.type)}: ${r.title}` : words(r.type),
    type: r.type,
    colour: typeColour(r.type),
  },
});

function legendOf(cy, legend) {
  const types = [...new Set(cy.edges().map((e) => e.data('type')))].sort();
  show(
    legend,
    types.map((t) =>
      h('span', {}, h('span', { class: 'swatch', style: `background:${typeColour(t)}` }), words(t)),
    ),
  );
}

function addAll(cy, nodes, rels, level = () => 0) {
  cy.batch(() => {
    for (const n of nodes) if (cy.getElementById(n.id).empty()) cy.add(nodeData(n, level(n)));
    for (const r of rels)
      if (
        cy.getElementById(r.id).empty() &&
        !cy.getElementById(r.from.id).empty() &&
        !cy.getElementById(r.to.id).empty()
      )
        cy.add(edgeData(r));
  });
}

/** Fits the graph, but never zooms in past 1:1 (labels stay their size). */
function fitReadable(cy) {
  cy.fit(undefined, 20);
  if (cy.zoom() > 1) {
    cy.zoom(1);
    cy.center();
  }
}

/** Under a drawing: the tapped relationship, its figures and its citations. */
async function showRelationship(panel, id) {
  try {
    const { relationship: r } = await run('RelationshipView', { id });
    show(
      panel,
      h(
        'div',
        { class: 'edge-detail' },
        entityLink(r.from),
        h('span', { class: 'rel-meta' }, ` —${words(r.type)}${r.title ? ` (${r.title})` : ''}→ `),
        entityLink(r.to),
        relationshipMeta(r) ? h('div', { class: 'rel-meta' }, relationshipMeta(r)) : null,
        citations(r.citations, true),
      ),
    );
  } catch (e) {
    show(panel, errorMessage(e));
  }
}

function newGraph(container, panel) {
  const cy = cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
  cy.on('dbltap', 'node', (evt) => {
    location.hash = entityHref(evt.target.id());
  });
  cy.on('tap', 'edge', (evt) => void showRelationship(panel, evt.target.id()));
  // Cytoscape remembers where its box is on screen and forgets only on a scroll or resize; when
  // the page grows above the drawing (a citation opened) with no scroll, a tap would land on
  // what used to be under the finger. Before Cytoscape sees the press, it measures again.
  container.addEventListener('pointerdown', () => cy.resize(), { capture: true });
  container.cytoscape = cy; // for the browser test, which taps what Cytoscape drew
  return cy;
}

/** Draws `id`'s neighbourhood in `container`; tapping a node adds its own neighbours. Returns the Cytoscape instance. */
export async function neighbourhoodGraph(container, legend, panel, id) {
  const cy = newGraph(container, panel);
  const expand = async (nodeId) => {
    const { neighborhood } = await run('Neighborhood', { id: nodeId, depth: 1, limit: 40 });
    const before = cy.nodes().length;
    const base = before === 0 ? 0 : cy.getElementById(nodeId).data('level');
    const distance = new Map(neighborhood.nodes.map((n) => [n.entity.id, n.distance]));
    addAll(
      cy,
      neighborhood.nodes.map((n) => n.entity),
      neighborhood.relationships,
      (n) => base + distance.get(n.id),
    );
    cy.getElementById(nodeId).addClass('expanded');
    // Rings by hops from the centre: deterministic, and an expansion lands one ring further out.
    if (cy.nodes().length !== before)
      cy.layout({
        name: 'concentric',
        animate: false,
        concentric: (n) => 100 - n.data('level'),
        levelWidth: () => 1,
        minNodeSpacing: 70,
      }).run();
    fitReadable(cy);
    legendOf(cy, legend);
    container.dataset.nodes = String(cy.nodes().length);
  };
  cy.on('tap', 'node', (evt) => {
    if (!evt.target.hasClass('expanded')) void expand(evt.target.id());
  });
  await expand(id);
  cy.getElementById(id).addClass('centre');
  return cy;
}

/**
 * Draws every path found (nodes ranked by their place along a path) and highlights one;
 * `highlight(i)` moves the highlight. Tapping a hop shows its citations in `panel`.
 */
export function pathGraph(container, legend, panel, paths) {
  const cy = newGraph(container, panel);
  const step = new Map();
  for (const p of paths) p.nodes.forEach((n, i) => step.set(n.id, Math.min(step.get(n.id) ?? i, i)));
  for (const p of paths)
    addAll(
      cy,
      p.nodes,
      p.hops.flatMap((hop) => hop.relationships),
      (n) => step.get(n.id),
    );
  const vertical = container.clientWidth < 500;
  cy.layout({
    name: 'breadthfirst',
    roots: [paths[0].nodes[0].id],
    directed: false,
    spacingFactor: 1.1,
    transform: (_n, pos) => (vertical ? pos : { x: pos.y, y: pos.x }),
  }).run();
  fitReadable(cy);
  legendOf(cy, legend);
  const highlight = (i) => {
    cy.elements().removeClass('path').addClass('faded');
    const ids = [
      ...paths[i].nodes.map((n) => n.id),
      ...paths[i].hops.flatMap((hop) => hop.relationships.map((r) => r.id)),
    ];
    for (const id of ids) cy.getElementById(id).removeClass('faded').addClass('path');
  };
  highlight(0);
  return highlight;
}
