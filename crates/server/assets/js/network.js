// The network explorer: an interactive graph filtered by actor, predicate
// and time.
import { api, filterForm, showError } from './common.js';
import { drawGraph } from './graph.js';

const FIELDS = ['actor', 'hops', 'predicate', 'from', 'to', 'events'];
const filter = filterForm(document.getElementById('filters'), FIELDS, load);

async function load() {
  const f = filter();
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

load();
