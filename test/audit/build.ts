/**
 * Tiny documents built in code for the rule tests (docs/architecture.md: unit tests build one-feature inputs): pages
 * of text lines with boxes, tables with context lines and cells, records and checks in the output contract's shape.
 */
import type { Check } from '../../schemas/common.js';
import { auditDocument } from '../../src/audit/rulebook.js';
import type { Finding, PeerDocument } from '../../src/audit/types.js';
import type { Cell, ExtractedDocument, Provenance, Table } from '../../src/model/document.js';
import type { RecognisedRecord } from '../../src/recognise/types.js';

export const SOURCE = 'a'.repeat(64);

export const prov = (page: number, y = 100, x0 = 40, x1 = 500): Provenance => ({
  sourceId: SOURCE,
  page,
  bbox: { x0, y0: y, x1, y1: y + 12 },
  method: 'text-layer',
  extractor: 'test',
});

export interface TableSketch {
  id: string;
  page: number;
  context?: string[];
  /** Rows of cell texts, drawn low on the page (y ≥ 500) so they never mix with the text lines. */
  rows?: string[][];
  after?: string[];
}

function table(t: TableSketch): Table {
  const cells: Cell[] = [];
  (t.rows ?? []).forEach((row, r) =>
    row.forEach((text, c) =>
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text,
        prov: prov(t.page, 500 + 14 * r, 40 + 60 * c, 95 + 60 * c),
      }),
    ),
  );
  const rows = t.rows?.length ?? 1;
  return {
    id: t.id,
    nRows: rows,
    nCols: Math.max(1, ...(t.rows ?? [[]]).map((r) => r.length)),
    cells,
    context: t.context ?? [],
    ...(t.after ? { after: t.after } : {}),
    prov: { ...prov(t.page, 500), bbox: { x0: 40, y0: 498, x1: 560, y1: 500 + 14 * rows } },
  };
}

/** Pages of lines (one run each, 20 pt apart from y = 60) and tables. */
export function docOf(
  pages: string[][],
  tables: TableSketch[] = [],
  status: ExtractedDocument['status'] = 'ok',
): ExtractedDocument {
  return {
    source: {
      id: SOURCE,
      url: 'file:///test.pdf',
      fetchedAt: '2026-01-01T00:00:00Z',
      mediaType: 'application/pdf',
      fileName: 'test.pdf',
      size: 1,
    },
    format: 'pdf',
    pages: pages.map((lines, i) => ({
      number: i + 1,
      width: 595,
      height: 842,
      runs: lines.map((text, k) => ({ text, prov: prov(i + 1, 60 + 20 * k) })),
    })),
    tables: tables.map(table),
    meta: [],
    status,
    issues: [],
    versions: {},
  };
}

type Row = RecognisedRecord['rows'][number] & { side?: string };

export function row(name: string, values: Record<string, number | null>, page = 1, extra: Partial<Row> = {}): Row {
  return { name, values, provenance: prov(page, 520), ...extra };
}

export function record(tableType: string, page: number, over: Partial<RecognisedRecord> = {}): RecognisedRecord {
  return {
    tableType,
    tableId: `p${page}-t1`,
    title: tableType,
    unit: '万元',
    region: {},
    department: null,
    year: 2019,
    kind: tableType.startsWith('final.') ? 'final' : tableType.startsWith('budget.') ? 'budget' : 'unknown',
    rows: [row('合计', { total: 1 }, page)],
    checks: [],
    issues: [],
    provenance: prov(page, 500),
    metaProvenance: {},
    status: 'ok',
    versions: {},
    ...over,
  };
}

export function check(over: Partial<Check> & { rule: string }): Check {
  return { expected: 1, actual: 1, ok: true, tolerance: 0.01, ...over };
}

export function audit(
  doc: ExtractedDocument,
  records: RecognisedRecord[] = [],
  checks: Check[] = [],
  peers: PeerDocument[] = [],
): Finding[] {
  return auditDocument({ document: doc, records, checks, issues: [], peers });
}

export const rulesOf = (findings: Finding[]) => findings.map((f) => f.rule);

/** A 决算 cover, so the document's year (2019) and kind (final) are known. */
export const COVER = ['杨陵区财政局2019年度部门决算'];

/** The cover page's own table (no cells): running text on the next page is then read as a block of its own. */
export const COVER_TABLE: TableSketch = { id: 'cover', page: 1 };

/** A 决算 whose page 2 prints `lines` as running text. */
export const narrativeDoc = (lines: string[], tables: TableSketch[] = []) =>
  docOf([COVER, lines], [COVER_TABLE, ...tables]);
