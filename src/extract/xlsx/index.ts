import type { ExtractedDocument } from '../../model/document.js';
import { newDocument, statusFrom } from '../../model/build.js';
import type { ExtractContext, Extractor } from '../types.js';
import { readWorkbookTables, SHEETJS_VERSION } from './workbook.js';

/** XLS (BIFF8) and XLSX attachments as documents of their own: every sheet is a table (issue 4). */
export const workbookExtractor: Extractor = {
  formats: ['xls', 'xlsx'],
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument> {
    const format = bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'xls';
    const doc = newDocument(ctx.source, format, { '@e965/xlsx': SHEETJS_VERSION });
    const wb = readWorkbookTables(bytes, {
      sourceId: ctx.source.id,
      idPrefix: '',
      maxInflatedBytes: ctx.limits.maxInflatedBytes,
    });
    doc.tables = wb.tables;
    doc.issues = wb.issues;
    doc.pages = wb.sheetNames.map((_, i) => ({ number: i + 1, runs: [] }));
    doc.status = statusFrom(doc);
    return doc;
  },
};
