// Home: search across actors and articles, the most reported actors and
// the latest events.
import { api, el, actorLink, eventLine, showError } from './common.js';

const q = new URLSearchParams(location.search).get('q');

async function results(words) {
  const out = document.getElementById('results');
  out.replaceChildren(el('h2', {}, 'Results for “', words, '”'));
  try {
    const [actors, hits] = await Promise.all([
      api('/api/actors', { q: words, limit: 20 }),
      api('/api/search', { q: words, limit: 20 }).catch((e) => ({ hits: [], total: 0, error: e })),
    ]);
    const list = el('ul', { class: 'plain', id: 'actor-results' }, actors.actors.map((a) =>
      el('li', {}, actorLink(a), ' ', el('span', { class: 'badge' }, a.type), el('span', { class: 'muted' }, ` ${a.articles} articles`))));
    const arts = el('ul', { class: 'plain', id: 'article-results' }, hits.hits.map((h) =>
      el('li', {}, el('span', { class: 'badge' }, h.date || 'undated'), ' ',
        el('a', { href: '/article/' + encodeURIComponent(h.article) }, h.title || h.url || h.article),
        el('div', { class: 'quote' }, h.snippet))));
    out.append(
      el('div', { class: 'grid' },
        el('section', {}, el('h3', {}, `Actors (${actors.total})`), actors.total ? list : el('p', { class: 'muted' }, 'no actor goes by that name')),
        el('section', {}, el('h3', {}, `Articles (${hits.total})`), hits.error ? el('p', { class: 'error' }, hits.error.message) : arts)));
  } catch (e) {
    showError(out, e);
  }
}

async function main() {
  if (q) results(q);
  try {
    const [stats, top, latest] = await Promise.all([
      api('/api/stats'), api('/api/actors', { limit: 15 }), api('/api/events', { limit: 15 }),
    ]);
    document.getElementById('stats').textContent =
      `${stats.articles} articles, ${stats.actors} actors, ${stats.events} events, ${stats.claims} claims` +
      (stats.first_published ? `, ${stats.first_published} to ${stats.last_published}` : '');
    document.getElementById('top-actors').replaceChildren(...top.actors.map((a) =>
      el('li', {}, actorLink(a), ' ', el('span', { class: 'badge' }, a.type), el('span', { class: 'muted' }, ` ${a.articles} articles`))));
    document.getElementById('latest-events').replaceChildren(...latest.events.map(eventLine));
  } catch (e) {
    showError(document.getElementById('stats'), e);
  }
}
main();
