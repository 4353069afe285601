// An article with its entities, times, event triggers and claims marked,
// as displaCy shows them. The server cuts the text into pieces at every
// span boundary; each piece becomes a text node inside its marks, so the
// article's own words are never parsed as HTML.
import { api, el, actorHref, actorLink, showError } from './common.js';

const id = decodeURIComponent(location.pathname.slice('/article/'.length));
const hl = new URLSearchParams(location.search).get('hl');

function piece(s, a) {
  let node = document.createTextNode(s.text);
  if (s.time !== null) {
    const t = a.times[s.time];
    node = el('span', { class: 'time', title: `${t.type} ${t.value || ''}` }, node);
  }
  if (s.event !== null) {
    const ev = a.events[s.event];
    node = el('a', { class: 'trigger', href: ev.event !== null ? `#event-${ev.event}` : null, title: `${ev.code} ${ev.label || ''} (${ev.modality})` }, node);
  }
  if (s.entity !== null) {
    const e = a.entities[s.entity];
    node = e.actor
      ? el('a', { class: `ent ent-${e.type}`, href: actorHref(e.actor.id), title: e.actor.name }, node, el('span', { class: 'tag' }, e.type))
      : el('mark', { class: `ent ent-${e.type}`, title: e.name }, node, el('span', { class: 'tag' }, e.type));
  }
  if (s.claim !== null) node = el('span', { class: 'claim', 'data-claim': a.claims[s.claim].id }, node);
  return node;
}

async function main() {
  let page;
  try {
    page = await api(`/api/articles/${encodeURIComponent(id)}`);
  } catch (e) {
    showError(document.getElementById('article-head'), e);
    return;
  }
  const a = page.article;
  document.title = `${a.title || a.id} · dossier`;
  document.getElementById('article-head').replaceChildren(
    el('h1', { id: 'article-title' }, a.title || a.id),
    el('p', { class: 'muted' }, a.published || 'undated', ' · ', a.outlet,
      a.url ? [' · ', el('a', { href: a.url, rel: 'noopener noreferrer' }, a.url)] : null,
      a.duplicate_of ? [' · copy of ', el('a', { href: '/article/' + encodeURIComponent(a.duplicate_of) }, a.duplicate_of)] : null));
  // One span per sentence, so a fact's evidence link can mark its sentence.
  const text = document.getElementById('article-text');
  const sentences = new Map();
  const body = [];
  for (const s of page.segments) {
    const node = piece(s, a);
    if (s.sentence === null) { body.push(node); continue; }
    let sent = sentences.get(s.sentence);
    if (!sent) {
      sent = el('span', { class: 'sent', id: `s-${s.sentence}` });
      sentences.set(s.sentence, sent);
      body.push(sent);
    }
    sent.append(node);
  }
  text.replaceChildren(...body);
  if (hl) {
    const hit = [...sentences.values()].find((s) => s.textContent.includes(hl)) ||
      [...sentences.values()].find((s) => hl.includes(s.textContent.trim()));
    if (hit) { hit.classList.add('hl'); hit.scrollIntoView({ block: 'center' }); }
  }
  const seen = new Set();
  document.getElementById('article-events').replaceChildren(...a.events.filter((e) => e.event !== null && !seen.has(e.event) && seen.add(e.event)).map((e) =>
    el('li', { id: `event-${e.event}` }, el('span', { class: 'badge' }, e.code), e.label || '', ' ',
      e.source ? actorLink(e.source) : null, e.target ? [' → ', actorLink(e.target)] : null,
      el('span', { class: 'muted' }, ` (${e.modality})`),
      ' ', el('a', { href: e.source ? `/events?actor=${encodeURIComponent(e.source.id)}` : '/events' }, 'more'))));
  document.getElementById('article-claims').replaceChildren(...a.claims.map((c) =>
    el('li', {}, c.speaker ? actorLink(c.speaker) : (c.speaker_text || 'someone'), el('span', { class: 'muted' }, ` (${c.polarity})`))));
}
main();
