// The explorer's entry: search box, and a hash router over the entity, path, supply and review views.
import { run } from './api.js';
import { entityHref, errorMessage, h, show, words } from './dom.js';
import { entityView } from './entity-view.js';
import { pathView } from './path-view.js';
import { statsView } from './stats-view.js';
import { supplyView } from './supply-view.js';

const main = document.getElementById('main');
const input = document.getElementById('search-input');

async function searchView(text) {
  input.value = text;
  show(main, h('p', { class: 'muted' }, 'Searching…'));
  try {
    const {
      search: { nodes: found },
    } = await run('SearchEntities', { text, first: 20 });
    show(
      main,
      h(
        'div',
        { class: 'card' },
        h('h2', {}, `Results for “${text}”`),
        found.length === 0
          ? h('p', { class: 'muted' }, 'Nothing matches.')
          : h(
              'ul',
              { class: 'results' },
              found.map((e) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'kind' }, words(e.kind)),
                  h('a', { href: entityHref(e.id) }, e.name),
                  e.description ? h('div', { class: 'rel-meta' }, e.description) : null,
                ),
              ),
            ),
      ),
    );
  } catch (e) {
    show(main, errorMessage(e));
  }
}

function home() {
  const figures = h('div', { class: 'card figures' }, h('p', { class: 'muted' }, 'Counting…'));
  const starts = [
    ['scott-bessent', 'Scott Bessent'],
    ['us-china-understanding-2025', 'The US–China understanding (2025)'],
    ['mofcom-announcement-57', 'MOFCOM Announcement No. 57'],
    ['dysprosium', 'Dysprosium'],
  ];
  show(
    main,
    h(
      'div',
      { class: 'card' },
      h('h2', {}, 'Explore the 2025 US–China rare-earths standoff'),
      h(
        'p',
        {},
        'Search for a person, country, material, agreement or measure; open it to see its facts and cited relationships, draw its neighbourhood, find how two entities connect, or ask who could supply a material if a country cuts it off.',
      ),
      h(
        'p',
        {},
        'Start with: ',
        starts.map(([id, name], i) => [i ? ' · ' : '', h('a', { href: entityHref(id) }, name)]),
      ),
    ),
    figures,
  );
  return statsView(figures);
}

async function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  window.scrollTo(0, 0);
  if (parts[0] === 'entity' && parts[1]) await entityView(main, parts[1], params);
  else if (parts[0] === 'search') await searchView(params.get('q') ?? '');
  else if (parts[0] === 'path') await pathView(main, params);
  else if (parts[0] === 'supply' && parts[1]) await supplyView(main, parts[1], params);
  // The review page is for editors: loaded on demand, so it adds nothing to a reader's first load.
  else if (parts[0] === 'review') await (await import('./review-view.js')).reviewView(main, parts[1]);
  else await home();
  document.body.dataset.ready = location.hash;
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = input.value.trim();
  if (text) location.hash = `#/search?q=${encodeURIComponent(text)}`;
});
window.addEventListener('hashchange', () => void route());
void route();
