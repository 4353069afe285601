// The map: country borders, event points clustered, countries shaded by
// their events under the filter (the latest 2,000 events at most).
import { api, el, actorLink, filterForm, showError } from './common.js';
import { drawMap } from './mapview.js';

const FIELDS = ['actor', 'country', 'from', 'to'];
const MAX = 2000;
const filter = filterForm(document.getElementById('filters'), FIELDS, load);

async function load() {
  const f = filter();
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

load();
