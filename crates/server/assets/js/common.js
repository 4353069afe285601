// Helpers every page shares. Text from the store only ever reaches the page
// as text nodes (never innerHTML), and links only take paths of this
// server or http(s) URLs, so nothing an article says can run.

/** GETs a JSON answer of the API; an error answer throws its message. */
export async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const r = await fetch(url);
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) {
    const e = new Error(body.error || r.statusText);
    e.status = r.status;
    e.body = body;
    throw e;
  }
  return body;
}

/** A URL that is safe to link to, or null. */
export function safeHref(href) {
  if (typeof href !== 'string') return null;
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'href') {
      const h = safeHref(v);
      if (h) e.setAttribute('href', h);
    } else if (k.startsWith('on')) {
      e.addEventListener(k.slice(2), v);
    } else {
      e.setAttribute(k, v);
    }
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function actorHref(id) {
  return '/actor/' + encodeURIComponent(id);
}

export function actorLink(ref) {
  if (!ref) return el('span', { class: 'muted' }, '—');
  return el('a', { href: actorHref(ref.id), class: 'actor' }, ref.name);
}

/** The article page with the supporting sentence marked. */
export function evidenceHref(ev) {
  const q = new URLSearchParams({ hl: ev.quote || ev.sentence || '' });
  return '/article/' + encodeURIComponent(ev.article) + '?' + q;
}

/** The sentence that supports a fact, linked to its place in the article. */
export function evidence(ev) {
  if (!ev) return el('span', { class: 'muted' }, 'no evidence kept');
  return el('a', { href: evidenceHref(ev), class: 'evidence quote' },
    '“', ev.sentence, '”', ev.title ? el('span', { class: 'muted' }, ' — ', ev.title) : null);
}

export function showError(into, err) {
  into.replaceChildren(el('p', { class: 'error' }, err.message || String(err)));
}

export function eventLine(e) {
  return el('li', {},
    el('span', { class: 'badge' }, e.date || 'undated'), ' ',
    e.source ? actorLink(e.source) : null, ' ',
    el('b', {}, e.label), ' ',
    e.target ? actorLink(e.target) : null,
    e.place ? [' in ', actorLink(e.place)] : null,
    el('div', {}, evidence(e.evidence)));
}

/** The colour of a CAMEO root: cooperation blue, conflict red. */
export function rootColour(root) {
  const n = parseInt(root, 10) || 0;
  const palette = ['#8fb3d9', '#6a9bd1', '#4f86c6', '#3b6fb0', '#2d5d9a', '#214c84', '#17406f',
    '#7f8c8d', '#95a5a6', '#e6b85c', '#e59b4f', '#e27c42', '#de5f36', '#d9462b', '#c93a28',
    '#b83024', '#a62620', '#951c1c', '#841318', '#6e0b12'];
  return palette[(n - 1 + 20) % 20];
}

/** The header's search box sends the words to the home page. */
export function wireHeader() {
  const f = document.getElementById('search-form');
  if (f && location.pathname === '/') {
    const q = new URLSearchParams(location.search).get('q');
    if (q) f.q.value = q;
  }
}
wireHeader();

/**
 * A filter form: fills `fields` from the page's URL, calls `onChange`
 * when one changes or the form is sent, and returns a function that reads
 * the non-empty fields as an object.
 */
export function filterForm(form, fields, onChange) {
  const params = new URLSearchParams(location.search);
  for (const k of fields) if (params.get(k)) form.elements[k].value = params.get(k);
  form.addEventListener('change', onChange);
  form.addEventListener('submit', (e) => { e.preventDefault(); onChange(); });
  return () => {
    const f = {};
    for (const k of fields) {
      const v = form.elements[k].value.trim();
      if (v) f[k] = v;
    }
    return f;
  };
}
