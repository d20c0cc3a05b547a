import type { BBox } from '../model/document.js';
import type { PageImage } from './page-images.js';
import { severityCounts } from './rulebook.js';
import type { AuditReport } from './report-text.js';
import type { Finding } from './types.js';

/**
 * The HTML report (issue 13): one self-contained file (no script, no request: the page images are data URIs in its
 * style sheet, each once) with, for every finding, the crop of its page around the printed text and the text's box
 * outlined in HIGHLIGHT, the whole page under a <details>.
 */
export interface HtmlDocument extends AuditReport {
  /** Page sizes in points (the document model's), for placing boxes on the images. */
  pageSizes: Map<number, { width: number; height: number }>;
  images: Map<number, PageImage>;
  format: string;
}

/** The outline of a finding's box: a colour no budget table prints, so a screenshot test can find it. */
export const HIGHLIGHT = '#ff00aa';
/** Width of the crops and page images on screen, CSS pixels. */
const SHOWN = 760;
/** Points shown above and below a box in its crop. */
const MARGIN = 60;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const pageClass = (doc: number, page: number) => `pg-${doc}-${page}`;

function crop(f: Finding, cls: string, size: { width: number; height: number }, box: BBox, id: string): string {
  const s = SHOWN / size.width;
  const top = Math.max(0, box.y0 - MARGIN);
  const bottom = Math.min(size.height, box.y1 + MARGIN);
  const h = (bottom - top) * s;
  const mark = `left:${(box.x0 * s - 3).toFixed(1)}px;top:${((box.y0 - top) * s - 3).toFixed(1)}px;width:${((box.x1 - box.x0) * s + 6).toFixed(1)}px;height:${((box.y1 - box.y0) * s + 6).toFixed(1)}px`;
  return `<div class="crop ${cls}" id="${id}" style="height:${h.toFixed(1)}px;background-size:${SHOWN}px ${(size.height * s).toFixed(1)}px;background-position:0 ${(-top * s).toFixed(1)}px" title="${esc(f.rule)}"><div class="mark" style="${mark}"></div></div>`;
}

function whole(cls: string, size: { width: number; height: number }, box: BBox | null): string {
  const s = SHOWN / size.width;
  const mark = box
    ? `<div class="mark" style="left:${(box.x0 * s - 3).toFixed(1)}px;top:${(box.y0 * s - 3).toFixed(1)}px;width:${((box.x1 - box.x0) * s + 6).toFixed(1)}px;height:${((box.y1 - box.y0) * s + 6).toFixed(1)}px"></div>`
    : '';
  return `<details><summary>whole page</summary><div class="page ${cls}" style="height:${(size.height * s).toFixed(1)}px;background-size:${SHOWN}px ${(size.height * s).toFixed(1)}px">${mark}</div></details>`;
}

function findingHtml(d: HtmlDocument, di: number, f: Finding, fi: number): string {
  const size = f.page !== null ? d.pageSizes.get(f.page) : undefined;
  const image = f.page !== null && d.images.has(f.page);
  const cls = f.page !== null ? pageClass(di, f.page) : '';
  let picture = '';
  if (image && size && f.bbox) picture = crop(f, cls, size, f.bbox, `f-${di}-${fi}`) + whole(cls, size, f.bbox);
  else if (image && size) picture = whole(cls, size, null);
  else if (f.page !== null)
    picture = `<p class="none">no page image: ${d.format === 'pdf' ? 'the page did not render' : `a ${esc(d.format)} file has no printed pages to render`}</p>`;
  return `<section class="finding ${f.severity}">
<h3><span class="sev">${f.severity}</span> <code>${esc(f.rule)}</code> ${f.page === null ? 'whole document' : `p. ${f.page}`}</h3>
<p>${esc(f.message)}</p>
<dl>${f.text ? `<dt>printed</dt><dd>${esc(f.text)}</dd>` : ''}${f.actual !== null ? `<dt>actual</dt><dd>${esc(f.actual)}</dd>` : ''}${f.expected !== null ? `<dt>expected</dt><dd>${esc(f.expected)}</dd>` : ''}</dl>
${picture}
</section>`;
}

const STYLE = `body{font-family:sans-serif;max-width:${SHOWN + 40}px;margin:1em auto;color:#222}
.finding{border-top:1px solid #ccc;padding:.5em 0}.sev{display:inline-block;padding:0 .4em;border-radius:3px;color:#fff}
.error .sev{background:#c00}.warning .sev{background:#c80}.info .sev{background:#069}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;font-size:90%}dt{color:#666}dd{margin:0}
.crop,.page{position:relative;width:${SHOWN}px;background-repeat:no-repeat;border:1px solid #999}
.mark{position:absolute;border:3px solid ${HIGHLIGHT};background:rgba(255,0,170,.12);box-sizing:border-box}
.none{color:#666;font-style:italic}`;

export function htmlReport(docs: HtmlDocument[]): string {
  const images: string[] = [];
  docs.forEach((d, di) => {
    for (const [page, img] of d.images)
      images.push(
        `.${pageClass(di, page)}{background-image:url(data:image/png;base64,${Buffer.from(img.png).toString('base64')})}`,
      );
  });
  const body = docs
    .map((d, di) => {
      const c = severityCounts(d.findings);
      return `<article><h2>${esc(d.fileName ?? d.sourceId)}</h2>
<p><code>${esc(d.sourceId)}</code> · ${esc(d.status)} · ${c.error} error, ${c.warning} warning, ${c.info} info</p>
${d.findings.map((f, fi) => findingHtml(d, di, f, fi)).join('\n')}</article>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>budgetdoc audit</title>
<style>${STYLE}\n${images.join('\n')}</style></head><body><h1>Audit report</h1>\n${body}</body></html>\n`;
}
