// The events explorer: filters for actor, root, country, dates and
// modality; a table, a map and a time histogram that follow them; and a
// CSV download of the current filter. The filter lives in the page's URL.
import { api, el, actorLink, evidence, filterForm, showError } from './common.js';
import { drawMap } from './mapview.js';
import { drawHistogram } from './histogram.js';

const FIELDS = ['actor', 'root', 'country', 'from', 'to', 'modality'];
const PAGE = 50;
const MAP_POINTS = 500;
const form = document.getElementById('filters');
let offset = 0;
let filter = () => ({});

function row(e) {
  return el('tr', {},
    el('td', {}, e.date || ''),
    el('td', {}, el('span', { class: 'badge' }, e.code), e.label),
    el('td', {}, actorLink(e.source)),
    el('td', {}, actorLink(e.target)),
    el('td', {}, e.place ? actorLink(e.place) : (e.country || '')),
    el('td', {}, e.modality),
    el('td', {}, String(e.sources)),
    el('td', {}, evidence(e.evidence)));
}

let generation = 0;
async function load() {
  const gen = ++generation;
  const f = filter();
  const qs = new URLSearchParams(f).toString();
  history.replaceState(null, '', qs ? `/events?${qs}` : '/events');
  document.getElementById('csv').setAttribute('href', `/api/events.csv${qs ? '?' + qs : ''}`);
  const status = document.getElementById('status');
  const tbody = document.querySelector('#events-table tbody');
  try {
    const [page, tl, pts] = await Promise.all([
      api('/api/events', { ...f, limit: PAGE, offset }),
      api('/api/timeline', f),
      api('/api/events', { ...f, limit: MAP_POINTS }),
    ]);
    if (gen !== generation) return;
    status.textContent = `${page.total} events`;
    tbody.replaceChildren(...page.events.map(row));
    const table = document.getElementById('events-table');
    table.dataset.total = String(page.total);
    table.dataset.rows = String(page.events.length);
    document.getElementById('page-info').textContent =
      page.total ? `${offset + 1}–${offset + page.events.length} of ${page.total}` : 'no events';
    document.getElementById('prev').disabled = offset === 0;
    document.getElementById('next').disabled = offset + page.events.length >= page.total;
    const labels = Object.fromEntries(tl.roots.map((r) => [r.root, r.label]));
    drawHistogram(document.getElementById('histogram'), tl.periods, labels, null);
    await drawMap(document.getElementById('map'), pts.events.map((e) => ({
      lat: e.lat, lon: e.lon,
      popup: el('div', {}, el('b', {}, e.label), ' ', e.date || '', el('br', {}), actorLink(e.source), ' → ', actorLink(e.target)),
    })));
    document.body.dataset.loaded = String(gen);
  } catch (e) {
    if (gen !== generation) return;
    tbody.replaceChildren();
    showError(status, e);
    document.body.dataset.loaded = String(gen);
  }
}

async function main() {
  try {
    // The roots the store holds, with their names, for the root filter.
    const all = await api('/api/timeline');
    const select = form.elements.root;
    for (const r of all.roots) select.append(el('option', { value: r.root }, `${r.root} ${r.label}`));
  } catch (e) {
    showError(document.getElementById('status'), e);
  }
  // The root options exist now, so the URL's root can be chosen.
  filter = filterForm(form, FIELDS, () => { offset = 0; load(); });
  document.getElementById('prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  document.getElementById('next').addEventListener('click', () => { offset += PAGE; load(); });
  load();
}
main();
