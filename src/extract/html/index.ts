import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { ExtractedDocument, Provenance, Table } from '../../model/document.js';
import { issue, newDocument } from '../../model/build.js';
import type { Extractor } from '../types.js';
import { decodeHtml } from './decode.js';
import { tableToGrid } from './grid.js';
import { readMeta } from './meta.js';
import { flow } from './text.js';
import { CHEERIO_VERSION } from '../../util/versions.js';

const EXTRACTOR = `html/cheerio@${CHEERIO_VERSION}`;
/** Lines kept before / after a table as its context (title, 公开NN表, 单位 line; notes). */
const CONTEXT_BEFORE = 6;
const CONTEXT_AFTER = 3;

/**
 * Finance-bureau article pages (docs/domain.md §1): title, 发布时间 / 信息来源, and the article's
 * data tables (tables that hold no other table; outer tables are page layout).
 */
export const htmlExtractor: Extractor = {
  formats: ['html'],
  async extract(bytes, ctx): Promise<ExtractedDocument> {
    const decoded = decodeHtml(bytes, ctx.source.contentType);
    const doc = newDocument(ctx.source, 'html', { cheerio: CHEERIO_VERSION });
    doc.issues.push(...decoded.issues);
    const $ = cheerio.load(decoded.text);
    const base: Omit<Provenance, 'locator'> = {
      sourceId: ctx.source.id,
      page: 1,
      method: 'structure',
      extractor: EXTRACTOR,
    };
    const body = ($('body').get(0) ?? $.root().get(0)) as Element;
    const items = flow($, body);
    const lines: string[] = [];
    const tables: Table[] = [];
    items.forEach((item, i) => {
      if (item.kind === 'line') {
        lines.push(item.text);
        return;
      }
      const table = tableToGrid($, $(item.el), tables.length, base);
      if (table.cells.every((c) => c.text === '')) return;
      table.context = items
        .slice(Math.max(0, i - CONTEXT_BEFORE), i)
        .flatMap((x) => (x.kind === 'line' ? [x.text] : []));
      table.after = items.slice(i + 1, i + 1 + CONTEXT_AFTER).flatMap((x) => (x.kind === 'line' ? [x.text] : []));
      tables.push(table);
    });
    doc.tables = tables;
    doc.pages = [{ number: 1, runs: lines.map((text, i) => ({ text, prov: { ...base, locator: `line[${i + 1}]` } })) }];
    doc.meta = readMeta($, lines, base);
    if (tables.length === 0) doc.issues.push(issue('warning', 'html.no_tables', 'the page has no data table'));
    return doc;
  },
};
