// The map: country borders, event points clustered, countries shaded by
// their events under the filter (the latest 2,000 events at most).
import { api, el, actorLink, showError } from './common.js';
import { drawMap } from './mapview.js';

const FIELDS = ['actor', 'country', 'from', 'to'];
const MAX = 2000;
const form = document.getElementById('filters');

async function load() {
  const f = {};
  for (const k of FIELDS) {
    const v = form.elements[k].value.trim();
    if (v) f[k] = v;
  }
  history.replaceState(null, '', `/map?${new URLSearchParams(f)}`);
  const status = document.getElementById('status');
  try {
    const events = [];
    let total = 0;
    while (events.length < MAX) {
      const page = await api('/api/events', { ...f, limit: 500, offset: events.length });
      total = page.total;
      events.push(...page.events);
      if (page.events.length < 500) break;
    }
    status.textContent = `${total} events` + (total > events.length ? `, the latest ${events.length} drawn` : '');
    await drawMap(document.getElementById('map'), events.map((e) => ({
      lat: e.lat, lon: e.lon,
      popup: el('div', {}, el('b', {}, e.label), ' ', e.date || '', el('br', {}), actorLink(e.source), ' → ', actorLink(e.target)),
    })));
  } catch (e) {
    showError(status, e);
  }
  document.body.dataset.loaded = '1';
}

const params = new URLSearchParams(location.search);
for (const k of FIELDS) if (params.get(k)) form.elements[k].value = params.get(k);
form.addEventListener('change', load);
form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
load();
