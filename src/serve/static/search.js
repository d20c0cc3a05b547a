// The search page: the form's fields are the query of /api/documents and of the page's own URL, so a search can be
// bookmarked and shared.

import { api, el, kindName, statusEl } from './common.js';

const FIELDS = ['text', 'department', 'region', 'year', 'kind', 'type', 'status', 'finding'];
const form = document.getElementById('search');
const tbody = document.querySelector('#results tbody');
const summary = document.getElementById('summary');
const more = document.getElementById('more');
let next;

function query() {
  const q = new URLSearchParams();
  for (const f of FIELDS) {
    const v = form.elements[f].value.trim();
    if (v) q.set(f, v);
  }
  return q;
}

function row(d) {
  const id = d.id.slice(0, 10);
  const findings = d.findingErrors ? `${d.findings} (${d.findingErrors} error)` : String(d.findings);
  return el(
    'tr',
    { dataset: { id: d.id } },
    el('td', {}, el('a', { href: `/documents/${d.id}`, class: 'doc-link' }, id)),
    el(
      'td',
      {},
      d.department ?? d.fileName ?? d.url,
      d.reason ? el('div', { class: 'error' }, `failed: ${d.reason}`) : null,
    ),
    el('td', {}, d.region ?? '-'),
    el('td', {}, d.year ?? '-'),
    el('td', {}, kindName(d.kind)),
    el('td', {}, statusEl(d.status)),
    el('td', { class: 'num' }, d.tables),
    el('td', { class: 'num' }, d.failedChecks),
    el('td', { class: 'num' }, findings),
  );
}

async function run(q, append) {
  summary.textContent = 'searching…';
  try {
    const res = await api(`/api/documents?${q}`);
    if (!append) tbody.replaceChildren();
    for (const d of res.documents) tbody.append(row(d));
    document.getElementById('results').hidden = res.total === 0;
    summary.textContent =
      res.total === 0 ? 'no stored document matches' : `${res.total} document${res.total === 1 ? '' : 's'}`;
    next = res.next ? { q, cursor: res.next } : undefined;
    more.hidden = !next;
  } catch (err) {
    summary.textContent = `error: ${err.message}`;
    summary.className = 'error';
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  summary.className = 'muted';
  const q = query();
  history.replaceState(null, '', q.size ? `/?${q}` : '/');
  run(q, false);
});

more.addEventListener('click', () => {
  if (!next) return;
  const q = new URLSearchParams(next.q);
  q.set('cursor', next.cursor);
  run(q, true);
});

const initial = new URLSearchParams(location.search);
for (const f of FIELDS) if (initial.has(f)) form.elements[f].value = initial.get(f);
run(query(), false);
