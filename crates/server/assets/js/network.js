// The network explorer: an interactive graph filtered by actor, predicate
// and time.
import { api, showError } from './common.js';
import { drawGraph } from './graph.js';

const FIELDS = ['actor', 'hops', 'predicate', 'from', 'to', 'events'];
const form = document.getElementById('filters');

async function load() {
  const f = {};
  for (const k of FIELDS) {
    const v = form.elements[k].value.trim();
    if (v) f[k] = v;
  }
  history.replaceState(null, '', `/network?${new URLSearchParams(f)}`);
  const status = document.getElementById('status');
  try {
    const n = await api('/api/network', { ...f, limit: f.actor ? 40 : 150 });
    status.textContent = `${n.nodes.length} actors, ${n.edges.length} edges`;
    drawGraph(document.getElementById('graph'), n);
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
