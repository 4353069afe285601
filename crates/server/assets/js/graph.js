// An interactive network with cytoscape.js: actors as nodes, relations and
// events as edges; a click on an actor opens its page.
import { actorHref } from './common.js';

const TYPE_COLOURS = { PERSON: '#8e7cf0', ORG: '#2fb5b5', GPE: '#f0a830', LOC: '#e8774a', NORP: '#b56ee8', FAC: '#6aa3a6' };

/**
 * Draws a `Network` answer into `container`. Sets `data-nodes` and
 * `data-edges` to what the graph holds once it is laid out.
 */
export function drawGraph(container, network) {
  if (container._cy) container._cy.destroy();
  const ids = new Set(network.nodes.map((n) => n.id));
  const elements = [
    ...network.nodes.map((n) => ({
      data: { id: n.id, label: n.name, colour: TYPE_COLOURS[n.type] || '#999', centre: n.hop === 0 ? 1 : 0 },
    })),
    ...network.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({
        data: {
          id: `e${i}`, source: e.source, target: e.target, label: e.kind === 'event' ? `event ${e.predicate}` : e.predicate,
          width: 1 + Math.min(6, Math.log2(1 + e.weight)), colour: e.kind === 'event' ? '#c0392b' : '#34495e',
        },
      })),
  ];
  const cy = cytoscape({
    container,
    elements,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(colour)', 'font-size': 10, width: 18, height: 18 } },
      { selector: 'node[centre = 1]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#17324f' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: '#555' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 },
  });
  cy.on('tap', 'node', (evt) => { location.href = actorHref(evt.target.id()); });
  container._cy = cy;
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  return cy;
}
