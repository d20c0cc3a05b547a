import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { ExtractedDocument, Issue, Provenance, Table } from '../../model/document.js';
import { issue, newDocument } from '../../model/build.js';
import type { Extractor } from '../types.js';
import { decodeHtml } from './decode.js';
import { tableToGrid } from './grid.js';
import { readMeta } from './meta.js';
import { clip, checkPage, HTML_LIMITS } from './limits.js';
import { flow, type FlowItem } from './text.js';
import { CHEERIO_VERSION } from '../../util/versions.js';

const EXTRACTOR = `html/cheerio@${CHEERIO_VERSION}`;
/** Lines kept before / after a table as its context (title, 公开NN表, 单位 line; notes). */
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 3;

/**
 * Lines cut to HTML_LIMITS.maxLineChars and the page's running text to maxTextChars, each with one warning: a
 * 20 MB paragraph is not a disclosure, and every later stage (recognition, the store) would carry it whole.
 */
function boundedText(items: FlowItem[], issues: Issue[]): FlowItem[] {
  let total = 0;
  let cut = 0;
  let dropped = 0;
  const out: FlowItem[] = [];
  for (const item of items) {
    if (item.kind !== 'line') {
      out.push(item);
      continue;
    }
    if (total >= HTML_LIMITS.maxTextChars) {
      dropped++;
      continue;
    }
    const text = clip(item.text, Math.min(HTML_LIMITS.maxLineChars, HTML_LIMITS.maxTextChars - total));
    if (text.length < item.text.length) cut++;
    total += text.length;
    out.push({ kind: 'line', text });
  }
  if (cut)
    issues.push(
      issue(
        'warning',
        'html.text_clipped',
        `${cut} line(s) longer than ${HTML_LIMITS.maxLineChars} characters were cut`,
      ),
    );
  if (dropped)
    issues.push(
      issue(
        'warning',
        'html.text_clipped',
        `${dropped} line(s) past the first ${HTML_LIMITS.maxTextChars} characters of text were dropped`,
      ),
    );
  return out;
}

/**
 * Finance-bureau article pages (docs/domain.md §1): title, 发布时间 / 信息来源, and the article's
 * data tables (tables that hold no other table; outer tables are page layout).
 */
export const htmlExtractor: Extractor = {
  formats: ['html'],
  async extract(bytes, ctx): Promise<ExtractedDocument> {
    const decoded = decodeHtml(bytes, ctx.source.contentType);
    // Unpaired surrogates (from a decoder fed bytes that are no text at all) become U+FFFD, as a browser shows them:
    // parse5 combines one with the next character into a code point past U+10FFFF and throws (issue 16).
    const text = decoded.text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    );
    checkPage(bytes, text);
    const doc = newDocument(ctx.source, 'html', { cheerio: CHEERIO_VERSION });
    doc.issues.push(...decoded.issues);
    const $ = cheerio.load(text);
    const base: Omit<Provenance, 'locator'> = {
      sourceId: ctx.source.id,
      page: 1,
      method: 'structure',
      extractor: EXTRACTOR,
    };
    const body = ($('body').get(0) ?? $.root().get(0)) as Element;
    const items = boundedText(flow($, body), doc.issues);
    const lines: string[] = [];
    const tables: Table[] = [];
    let skipped = 0;
    items.forEach((item, i) => {
      if (item.kind === 'line') {
        lines.push(item.text);
        return;
      }
      if (tables.length >= HTML_LIMITS.maxTables) {
        skipped++;
        return;
      }
      const table = tableToGrid($, $(item.el), tables.length, base, doc.issues);
      if (table.cells.every((c) => c.text === '')) return;
      table.context = items
        .slice(Math.max(0, i - CONTEXT_BEFORE), i)
        .flatMap((x) => (x.kind === 'line' ? [x.text] : []));
      table.after = items.slice(i + 1, i + 1 + CONTEXT_AFTER).flatMap((x) => (x.kind === 'line' ? [x.text] : []));
      tables.push(table);
    });
    if (skipped)
      doc.issues.push(
        issue(
          'warning',
          'html.too_many_tables',
          `the page has ${tables.length + skipped} data tables; only the first ${HTML_LIMITS.maxTables} are read`,
        ),
      );
    doc.tables = tables;
    doc.pages = [{ number: 1, runs: lines.map((text, i) => ({ text, prov: { ...base, locator: `line[${i + 1}]` } })) }];
    doc.meta = readMeta($, lines, base);
    if (tables.length === 0) doc.issues.push(issue('warning', 'html.no_tables', 'the page has no data table'));
    return doc;
  },
};
