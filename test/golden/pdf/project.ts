import type { ExtractedDocument, Table } from '../../../src/model/document.js';
import { toTextRows } from '../../../src/model/grid.js';

/** What a golden file pins for one table: shape, text as printed, merged cells, attached lines. */
export interface ExpectedTable {
  id: string;
  pages: number[];
  caption?: string;
  context: string[];
  after: string[];
  nRows: number;
  nCols: number;
  /** Table box in top-left points, rounded to whole points. */
  bbox: [number, number, number, number];
  /** Text by row, a merged cell reported once at its anchor. */
  rows: string[][];
  /** Merged cells: [row, col, rowSpan, colSpan]. */
  spans: Array<[number, number, number, number]>;
}

export interface ExpectedDocument {
  status: ExtractedDocument['status'];
  pages: number;
  issues: string[];
  tables: ExpectedTable[];
}

export function projectTable(t: Table): ExpectedTable {
  const b = t.prov.bbox!;
  const out: ExpectedTable = {
    id: t.id,
    pages: t.pages ?? [t.prov.page],
    context: t.context,
    after: t.after ?? [],
    nRows: t.nRows,
    nCols: t.nCols,
    bbox: [Math.round(b.x0), Math.round(b.y0), Math.round(b.x1), Math.round(b.y1)],
    rows: toTextRows(t),
    spans: t.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan]),
  };
  if (t.caption) out.caption = t.caption;
  return out;
}

export function projectDocument(doc: ExtractedDocument): ExpectedDocument {
  return {
    status: doc.status,
    pages: doc.pages.length,
    issues: doc.issues.map((i) => i.code),
    tables: doc.tables.map(projectTable),
  };
}

/** JSON with arrays of plain values (a row of cell texts, a bbox) kept on one line, so diffs read by row. */
export function formatJson(value: unknown): string {
  const scalar = String.raw`(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)`;
  const flat = new RegExp(String.raw`\[\s*\n\s*(${scalar}(?:,\s*\n\s*${scalar})*)\s*\n\s*\]`, 'g');
  return `${JSON.stringify(value, null, 1).replace(flat, (_, body: string) => `[${body.split(/,\s*\n\s*/).join(', ')}]`)}\n`;
}
