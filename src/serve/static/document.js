// The document page: facts, trust counts, failed checks and audit findings, then every table as a grid. A click on a
// value (or on a finding with a box) shows its page image cropped around the value's box, the box highlighted.

import { api, el, kindName, safeLink, statusEl } from './common.js';

const id = /^\/documents\/([0-9a-f]{64})$/.exec(location.pathname)?.[1];
const $ = (x) => document.getElementById(x);
/** Points of context above and below the box in the crop. */
const CONTEXT = 60;
/** The highlight's border, drawn just outside the box (app.css .crop-box). */
const BORDER = 3;
let view;

const fmt = (v) =>
  v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);

function facts(d) {
  const rows = [
    ['department', d.department ?? '-'],
    ['region', d.region ? `${d.region}${d.regionId ? ` (${d.regionId})` : ''}` : '-'],
    ['year', d.year ?? '-'],
    ['kind', kindName(d.kind)],
    ['status', statusEl(d.status)],
    ['file', d.fileName ?? '-'],
    ['format', d.format],
    ['sha256', d.id],
    ['tables', d.recordCount],
    ['seen at', d.urls.map((u) => el('div', {}, safeLink(u)))],
  ];
  $('facts').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function verification(v) {
  if (!v) return $('verification').replaceChildren(el('p', { class: 'muted' }, 'not recognised yet'));
  const share = v.share === null ? '' : ` (${Math.round(v.share * 1000) / 10}% verified)`;
  $('verification').replaceChildren(
    el(
      'p',
      { id: 'verification-counts' },
      el('span', { class: 'legend verified' }, `${v.verified} verified`),
      ' ',
      el('span', { class: 'legend contradicted' }, `${v.contradicted} contradicted`),
      ' ',
      el('span', { class: 'legend unchecked' }, `${v.unchecked} unchecked`),
      ` of ${v.total} numbers${share}`,
    ),
  );
}

function table(headers, rows, attrs) {
  return el(
    'table',
    { class: 'grid', ...attrs },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headers.map((h) => el('th', {}, h)),
      ),
    ),
    el('tbody', {}, rows),
  );
}

function failedChecks(checks) {
  if (!checks.length) return $('failed-checks').replaceChildren(el('p', { class: 'muted' }, 'none'));
  const rows = checks.map((c) =>
    el(
      'tr',
      {},
      el('td', {}, c.tableId ? `${c.tableId} ${c.title ?? ''}` : 'across tables'),
      el('td', {}, c.rule),
      el('td', {}, c.description ?? ''),
      el('td', { class: 'num' }, fmt(c.expected)),
      el('td', { class: 'num' }, fmt(c.actual)),
      el('td', { class: 'num' }, c.expected !== null && c.actual !== null ? fmt(c.actual - c.expected) : ''),
    ),
  );
  $('failed-checks').replaceChildren(table(['table', 'rule', 'identity', 'expected', 'actual', 'difference'], rows));
}

function findings(list) {
  if (!list.length) return $('findings').replaceChildren(el('p', { class: 'muted' }, 'none stored'));
  const rows = list.map((f) => {
    const where = f.page && f.bbox ? { page: f.page, bbox: f.bbox, method: 'finding' } : null;
    const tr = el(
      'tr',
      { class: where ? 'src' : undefined, tabindex: where ? 0 : undefined },
      el('td', { class: `sev-${f.severity}` }, f.severity),
      el('td', {}, f.rule),
      el('td', {}, f.page ?? '-'),
      el('td', {}, f.text ?? ''),
      el('td', {}, f.message ?? ''),
      el('td', {}, fmt(f.expected)),
      el('td', {}, fmt(f.actual)),
    );
    if (where) bindSource(tr, where);
    return tr;
  });
  $('findings').replaceChildren(table(['severity', 'rule', 'page', 'printed', 'message', 'expected', 'actual'], rows));
}

function issues(list) {
  if (!list.length) return $('issues').replaceChildren(el('p', { class: 'muted' }, 'none'));
  const rows = list.map((i) =>
    el('tr', {}, el('td', { class: `sev-${i.severity}` }, i.severity), el('td', {}, i.code), el('td', {}, i.message)),
  );
  $('issues').replaceChildren(table(['severity', 'code', 'message'], rows));
}

function bindSource(node, source) {
  const open = () => {
    document.querySelector('.selected')?.classList.remove('selected');
    node.classList.add('selected');
    showSource(source);
  };
  node.addEventListener('click', open);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  });
}

function gridCell(c, tag) {
  const classes = [c.numeric ? 'num' : '', c.state ?? '', c.source ? 'src' : ''].filter(Boolean).join(' ');
  const td = el(
    tag,
    {
      class: classes || undefined,
      rowspan: c.rowSpan,
      colspan: c.colSpan,
      tabindex: c.source ? 0 : undefined,
      title: c.state,
    },
    c.text,
  );
  if (c.source) bindSource(td, c.source);
  return td;
}

function record(g, n) {
  const v = g.verification;
  const counts = v ? ` · ${v.verified} verified, ${v.contradicted} contradicted, ${v.unchecked} unchecked` : '';
  const parts = [
    el('h3', {}, `${g.title || '(no title)'} `),
    el(
      'p',
      { class: 'muted' },
      `${g.tableId ?? `#${n + 1}`} · ${g.tableType} · `,
      statusEl(g.status),
      `${g.unit ? ` · 单位 ${g.unit}` : ''}${counts}${g.failedChecks ? ` · ${g.failedChecks} failed checks` : ''}`,
    ),
  ];
  for (const s of g.sections) {
    if (s.name !== 'rows' && s.name !== 'cells') parts.push(el('h4', {}, s.name));
    const body = s.rows.map((r, i) =>
      el(
        'tr',
        {},
        r.map((c) => gridCell(c, s.columns.length === 0 && i === 0 ? 'th' : 'td')),
      ),
    );
    parts.push(
      s.columns.length
        ? table(s.columns, body, { dataset: { section: s.name } })
        : el('table', { class: 'grid', dataset: { section: s.name } }, el('tbody', {}, body)),
    );
  }
  return el('div', { class: 'record', dataset: { tableType: g.tableType } }, parts);
}

function caption(s) {
  const bits = [`page ${s.page}`];
  if (s.method === 'ocr')
    bits.push(`OCR${s.confidence !== undefined ? ` confidence ${Math.round(s.confidence * 100)}%` : ''}`);
  else if (s.method !== 'finding') bits.push(s.method);
  if (s.extractor) bits.push(s.extractor);
  if (s.part) bits.push(s.part);
  if (s.locator) bits.push(s.locator);
  if (s.bbox) bits.push(`box ${[s.bbox.x0, s.bbox.y0, s.bbox.x1, s.bbox.y1].map((x) => Math.round(x)).join(', ')} pt`);
  return bits.join(' · ');
}

function showSource(s) {
  const viewer = $('viewer');
  const crop = $('crop');
  const img = $('crop-image');
  viewer.hidden = false;
  $('viewer-caption').textContent = caption(s);
  crop.dataset.state = 'loading';
  const canDraw = view.pageImages.available && s.bbox;
  $('viewer-page').hidden = !view.pageImages.available;
  if (!canDraw) {
    crop.hidden = true;
    crop.dataset.state = 'none';
    if (!view.pageImages.available)
      $('viewer-caption').textContent +=
        ` — page images are drawn for PDF documents only (this is ${view.document.format})`;
    return;
  }
  const src = `/api/documents/${id}/pages/${s.page}.png`;
  $('viewer-page').href = src;
  const layout = () => {
    const dpi = view.pageImages.dpi;
    const page = view.pages.find((p) => p.number === s.page);
    const wPt = page?.width ?? (img.naturalWidth * 72) / dpi;
    const hPt = page?.height ?? (img.naturalHeight * 72) / dpi;
    crop.hidden = false;
    // CSS pixels per point: the page as wide as the viewer, but never under 1.25 (a cell stays legible on a wide
    // page) nor over 2; the crop is then centred on the box.
    const room = viewer.clientWidth - 40;
    const k = Math.max(1.25, Math.min(room / wPt, 2));
    const b = s.bbox;
    const top = Math.max(0, b.y0 - CONTEXT);
    const bottom = Math.min(hPt, b.y1 + CONTEXT);
    const width = Math.min(room, wPt * k);
    const left = Math.max(0, Math.min(((b.x0 + b.x1) / 2) * k - width / 2, wPt * k - width));
    crop.style.width = `${width}px`;
    crop.style.height = `${(bottom - top) * k}px`;
    img.style.width = `${wPt * k}px`;
    img.style.left = `${-left}px`;
    img.style.top = `${-top * k}px`;
    const box = $('crop-box');
    box.style.left = `${b.x0 * k - left - BORDER}px`;
    box.style.top = `${(b.y0 - top) * k - BORDER}px`;
    box.style.width = `${(b.x1 - b.x0) * k}px`;
    box.style.height = `${(b.y1 - b.y0) * k}px`;
    crop.dataset.state = 'shown';
  };
  img.onerror = async () => {
    crop.hidden = true;
    crop.dataset.state = 'error';
    const err = await api(src).catch((e) => e);
    $('viewer-caption').textContent += ` — ${err.message ?? 'page image unavailable'}`;
  };
  if (img.getAttribute('src') === src && img.complete && img.naturalWidth) layout();
  else {
    img.onload = layout;
    img.src = src;
  }
}

async function main() {
  if (!id) {
    $('error').hidden = false;
    $('error').textContent = 'not a document address';
    return;
  }
  $('viewer-close').addEventListener('click', () => {
    $('viewer').hidden = true;
  });
  try {
    const [v, grids] = await Promise.all([api(`/api/documents/${id}`), api(`/api/documents/${id}/grids`)]);
    view = v;
    const d = v.document;
    const name = d.department ?? d.fileName ?? d.id;
    document.title = `budgetdoc · ${name}`;
    $('title').textContent = `${name}${d.year ? ` ${d.year}` : ''}`;
    facts(d);
    verification(d.verification);
    failedChecks(v.failedChecks);
    findings(v.findings);
    issues(d.issues);
    $('tables').replaceChildren(
      ...(grids.tables.length ? grids.tables.map(record) : [el('p', { class: 'muted' }, 'no tables recognised')]),
    );
    document.body.dataset.loaded = 'true';
  } catch (err) {
    $('error').hidden = false;
    $('error').textContent = err.message;
  }
}

main();
