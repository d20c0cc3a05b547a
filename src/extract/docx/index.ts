import type { ExtractedDocument, Issue, Table, TextRun } from '../../model/document.js';
import { failedDocument, newDocument, statusFrom } from '../../model/build.js';
import { isPermanent } from '../../model/errors.js';
import { captionFrom } from '../tables/to-table.js';
import type { ExtractContext, Extractor } from '../types.js';
import { nativeTable } from './native-table.js';
import { objectTables } from './objects.js';
import { openPackage, type DocxPackage } from './package.js';
import { findBody, walkBody } from './walk.js';
import { CHEERIO_VERSION, SHEETJS_VERSION } from '../../util/versions.js';

export const DOCX_EXTRACTOR = `docx/cheerio@${CHEERIO_VERSION}`;
/** Lines kept before a table as its context, and after it as its notes. */
const CONTEXT_LINES = 6;
const AFTER_LINES = 3;

function open(bytes: Uint8Array, ctx: ExtractContext): DocxPackage | ExtractedDocument {
  try {
    return openPackage(bytes, ctx.limits.maxInflatedBytes);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return failedDocument(ctx.source, 'docx', isPermanent(err) ? err.code : 'docx.corrupt', `docx refused: ${message}`);
  }
}

/**
 * DOCX (issue 4): native tables, embedded workbooks (with their EMF previews checked against
 * them), EMF pictures and table screenshots, in document order. The paragraphs before each
 * table become its context (title, 公开NN表 label, 编制部门 line); those after it, its notes.
 */
export const docxExtractor: Extractor = {
  formats: ['docx'],
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument> {
    const pkg = open(bytes, ctx);
    if ('status' in pkg) return pkg;
    const body = findBody(pkg.document);
    if (!body) return failedDocument(ctx.source, 'docx', 'docx.no_body', 'word/document.xml has no w:body');
    const doc = newDocument(ctx.source, 'docx', { cheerio: CHEERIO_VERSION, '@e965/xlsx': SHEETJS_VERSION });
    const runs: TextRun[] = [];
    const issues: Issue[] = [];
    let recent: string[] = [];
    let last: Table[] = [];
    let n = 0;
    const oc = { pkg, ctx, nextId: () => `t${++n}` };
    const place = (tables: Table[]): void => {
      for (const t of tables) {
        t.context = [...recent.slice(-CONTEXT_LINES), ...t.context.filter((l) => !recent.includes(l))];
        const caption = t.caption ?? captionFrom(t.context);
        if (caption) t.caption = caption;
      }
      if (tables.length === 0) return;
      doc.tables.push(...tables);
      recent = [];
      last = tables;
    };
    for (const block of walkBody(body)) {
      if (ctx.signal?.aborted) break;
      if (block.kind === 'para') {
        const line = block.text.trim();
        if (!line) continue;
        runs.push({
          text: block.text,
          prov: {
            sourceId: ctx.source.id,
            page: 1,
            part: 'word/document.xml',
            locator: `p[${block.index}]`,
            method: 'structure',
            extractor: DOCX_EXTRACTOR,
          },
        });
        recent.push(line);
        for (const t of last) if ((t.after ??= []).length < AFTER_LINES) t.after.push(line);
      } else if (block.kind === 'table') {
        const { table, issues: found } = nativeTable(block.el, {
          sourceId: ctx.source.id,
          extractor: DOCX_EXTRACTOR,
          index: block.index,
          id: oc.nextId(),
        });
        issues.push(...found);
        place([table]);
      } else {
        const out = await objectTables(block, oc);
        issues.push(...out.issues);
        place(out.tables);
      }
    }
    doc.pages = [{ number: 1, runs }];
    doc.issues = issues;
    doc.status = statusFrom(doc);
    return doc;
  },
};
