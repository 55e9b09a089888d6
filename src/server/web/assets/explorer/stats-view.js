// The home page's figures (the `stats` query): entities by kind and relationships by the period
// they began, as inline SVG bars (no chart library, nothing fetched but the API's answer).
import { run } from './api.js';
import { errorMessage, h, kindColour, show, words } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element; children may be strings, nodes or arrays. */
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children.flat()) el.append(c);
  return el;
}

const fmt = (n) => n.toLocaleString('en');

/** One horizontal bar per kind, its count at the end of the bar (zeros shown). */
function kindChart(kinds) {
  const [labelWidth, barWidth, row] = [120, 300, 22];
  const max = Math.max(1, ...kinds.map((k) => k.count));
  const width = labelWidth + barWidth + 50;
  return s(
    'svg',
    {
      class: 'stats-chart kinds',
      width,
      viewBox: `0 0 ${width} ${kinds.length * row}`,
      role: 'img',
      'aria-label': `Entities by kind: ${kinds.map((k) => `${words(k.kind)} ${k.count}`).join(', ')}`,
    },
    kinds.map((k, i) => {
      const y = i * row;
      const w = (k.count / max) * barWidth;
      return s(
        'g',
        { class: 'kind-bar', 'data-kind': k.kind },
        s('title', {}, `${words(k.kind)}: ${fmt(k.count)}`),
        s('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', class: 'label' }, words(k.kind)),
        s('rect', {
          x: labelWidth,
          y: y + 4,
          width: w.toFixed(1),
          height: 14,
          rx: 2,
          fill: kindColour(k.kind),
        }),
        s('text', { x: labelWidth + w + 5, y: y + 15, class: 'count' }, fmt(k.count)),
      );
    }),
  );
}

/** One column per validFrom period, oldest first; a year named under its first column when there is room. */
function periodChart(periods) {
  const [col, height] = [14, 70];
  const max = Math.max(1, ...periods.map((p) => p.count));
  const width = Math.max(120, periods.length * col + 24);
  let labelled = -Infinity;
  return s(
    'svg',
    {
      class: 'stats-chart periods',
      width,
      viewBox: `0 0 ${width} ${height + 16}`,
      role: 'img',
      'aria-label': 'Relationships by the period their validity begins',
    },
    periods.map((p, i) => {
      const tall = (p.count / max) * height;
      const newYear = (i === 0 || periods[i - 1].year !== p.year) && i * col - labelled >= 36;
      if (newYear) labelled = i * col;
      return s(
        'g',
        { class: 'period-bar', 'data-period': p.period },
        s('title', {}, `${p.period}${p.month === null ? ' (not known to the month)' : ''}: ${fmt(p.count)}`),
        s('rect', {
          x: i * col + 1,
          y: (height - tall).toFixed(1),
          width: col - 2,
          height: tall.toFixed(1),
          fill: p.month === null ? '#adb5bd' : '#1f5fbf',
        }),
        newYear ? s('text', { x: i * col + 1, y: height + 13, class: 'label' }, String(p.year)) : null,
      );
    }),
  );
}

/** Fills `el` with the figures (one `GraphStats` call); an error shows in their place. */
export async function statsView(el) {
  try {
    const { stats } = await run('GraphStats');
    show(
      el,
      h('h3', {}, 'The graph in figures'),
      h(
        'p',
        { class: 'muted stats-totals' },
        `${fmt(stats.entityCount)} entities · ${fmt(stats.relationshipCount)} relationships (${fmt(stats.undated)} without a start date)`,
      ),
      kindChart(stats.entitiesByKind),
      h(
        'p',
        { class: 'muted' },
        'Relationships by when they began (grey: known only to the quarter, half or year):',
      ),
      periodChart(stats.relationshipsByValidFrom),
    );
  } catch (e) {
    show(el, errorMessage(e));
  }
}
