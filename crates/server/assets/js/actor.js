// An actor's page: who it is, its relations with their time spans, a
// timeline of its events, its claims, a map of its event places and the
// network of its neighbours. Every fact links to its sentence.
import { api, el, actorLink, evidence, eventLine, showError } from './common.js';
import { drawMap } from './mapview.js';
import { drawGraph } from './graph.js';
import { drawHistogram } from './histogram.js';

const id = decodeURIComponent(location.pathname.slice('/actor/'.length));

function kbLink(kb) {
  if (!kb) return null;
  if (/^Q\d+$/.test(kb)) return el('a', { href: `https://www.wikidata.org/wiki/${kb}`, rel: 'noopener' }, kb);
  if (/^\d+$/.test(kb)) return el('a', { href: `https://www.geonames.org/${kb}`, rel: 'noopener' }, `GeoNames ${kb}`);
  return el('span', {}, kb);
}

function span(from, to) {
  if (!from && !to) return '';
  return from === to ? from : `${from || '…'} – ${to || '…'}`;
}

function head(d) {
  const aliases = d.aliases.filter((a) => a.name !== d.name).map((a) => a.name);
  return [
    el('h1', { id: 'actor-name' }, d.name),
    el('p', {},
      el('span', { class: 'badge', id: 'actor-type' }, d.type),
      d.country ? el('span', { class: 'badge' }, d.country) : null,
      d.kb_id ? ['KB: ', kbLink(d.kb_id), ' '] : null,
      el('span', { class: 'muted' }, `${d.articles} articles, ${d.first_seen || '?'} to ${d.last_seen || '?'}`)),
    aliases.length ? el('p', { id: 'aliases' }, el('span', { class: 'muted' }, 'Also called: '), aliases.join(' · ')) : null,
    d.titles.length ? el('p', {}, el('span', { class: 'muted' }, 'Titles: '), d.titles.map((t) => t.name).join(' · ')) : null,
    el('p', {}, el('a', { href: `/events?actor=${encodeURIComponent(d.id)}` }, 'All its events'), ' · ',
      el('a', { href: `/network?actor=${encodeURIComponent(d.id)}` }, 'Its network'), ' · ',
      el('a', { href: `/api/actors/${encodeURIComponent(d.id)}` }, 'JSON')),
  ];
}

function relations(rows) {
  if (!rows.length) return el('p', { class: 'muted' }, 'no relations');
  return el('table', { id: 'relations-table' },
    el('thead', {}, el('tr', {}, ['Subject', 'Relation', 'Object', 'Valid', 'Seen', 'Articles', 'Evidence'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {},
      el('td', {}, actorLink({ id: r.subject, name: r.subject_name })),
      el('td', {}, r.predicate),
      el('td', {}, actorLink({ id: r.object, name: r.object_name })),
      el('td', {}, span(r.valid_from, r.valid_to)),
      el('td', {}, span(r.first_seen, r.last_seen)),
      el('td', {}, String(r.articles)),
      el('td', {}, evidence(r.evidence))))));
}

function claimLine(c) {
  return el('li', {},
    el('span', { class: 'badge' }, c.date || 'undated'), ' ',
    c.speaker ? actorLink(c.speaker) : el('span', {}, c.speaker_text || 'someone'), ': ',
    el('q', {}, c.text),
    c.about.length ? el('span', { class: 'muted' }, ' about ', c.about.map((a, i) => [i ? ', ' : '', actorLink(a)])) : null,
    el('div', {}, evidence(c.evidence)));
}

async function main() {
  let d;
  try {
    d = await api(`/api/actors/${encodeURIComponent(id)}`);
  } catch (e) {
    const box = document.getElementById('actor-head');
    showError(box, e);
    if (e.body && e.body.candidates) {
      box.append(el('ul', { class: 'plain' }, e.body.candidates.map((c) =>
        el('li', {}, actorLink(c), ` (${c.type}, ${c.articles} articles)`))));
    }
    return;
  }
  document.title = `${d.name} · dossier`;
  document.getElementById('actor-head').replaceChildren(...head(d).filter(Boolean));
  document.getElementById('actor-body').hidden = false;
  document.getElementById('relations').replaceChildren(relations(d.relations));
  document.getElementById('events').replaceChildren(...d.events.latest.map(eventLine));
  document.getElementById('claims-made').replaceChildren(...d.claims.latest_made.map(claimLine));
  document.getElementById('claims-about').replaceChildren(...d.claims.latest_about.map(claimLine));
  // Months by root, as the timeline answer shapes them.
  const months = new Map();
  const labels = {};
  for (const m of d.events.by_month) {
    const p = months.get(m.month) || { period: m.month, by_root: {} };
    p.by_root[m.root] = (p.by_root[m.root] || 0) + m.as_source + m.as_target;
    labels[m.root] = m.label;
    months.set(m.month, p);
  }
  drawHistogram(document.getElementById('timeline'), [...months.values()].sort((a, b) => a.period.localeCompare(b.period)), labels,
    (month) => `/events?actor=${encodeURIComponent(d.id)}&from=${month}&to=${month}`);
  const points = d.places.map((p) => ({
    lat: p.lat, lon: p.lon, n: p.events,
    popup: el('div', {}, actorLink(p), ` ${p.events} events`),
  }));
  drawMap(document.getElementById('map'), points).catch((e) => showError(document.getElementById('map'), e));
  api('/api/network', { actor: d.id, hops: 1, limit: 40 })
    .then((n) => drawGraph(document.getElementById('graph'), n))
    .catch((e) => showError(document.getElementById('graph'), e));
}
main();
