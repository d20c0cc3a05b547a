import type { Cell, ExtractedDocument, Provenance, Table } from '../../../../src/model/document.js';
import type { Check } from '../../../../schemas/common.js';
import type { DocumentMeta, RecognisedRecord, Recogniser, RecogniseContext } from '../../../../src/recognise/types.js';

export const SOURCE_ID = 'a'.repeat(64);

/** A cell spec: text, or [text, rowSpan, colSpan]. Positions covered by a span are skipped, as in HTML. */
export type Spec = string | [string, number, number];

const prov = (locator: string): Provenance => ({
  sourceId: SOURCE_ID,
  page: 1,
  locator,
  method: 'structure',
  extractor: 'test/grid',
});

/** A Table laid out like an HTML table: each row lists its cells left to right, skipping covered positions. */
export function buildTable(rows: Spec[][], context: string[] = [], id = 't1'): Table {
  const taken = new Set<string>();
  const cells: Cell[] = [];
  let nCols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const spec of row) {
      while (taken.has(`${r},${c}`)) c++;
      const [text, rowSpan, colSpan] = typeof spec === 'string' ? [spec, 1, 1] : spec;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      cells.push({ row: r, col: c, rowSpan, colSpan, text, prov: prov(`${id}/r${r}c${c}`) });
      c += colSpan;
      nCols = Math.max(nCols, c);
    }
  });
  return { id, nRows: rows.length, nCols, cells, context, prov: prov(id) };
}

export const META: DocumentMeta = {
  region: { province: '陕西省', city: '咸阳市', county: '杨陵区' },
  department: '咸阳市杨陵区人民代表大会常务委员会办公室',
  year: 2019,
  kind: 'final',
  provenance: { region: prov('meta/region'), department: prov('meta/department'), year: prov('meta/year') },
};

/** A context holding one table, as the registry passes it. */
export function contextFor(table: Table, meta: DocumentMeta = META): RecogniseContext {
  const doc: ExtractedDocument = {
    source: { id: SOURCE_ID, url: 'file:test', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'test', size: 0 },
    format: 'docx',
    pages: [],
    tables: [table],
    meta: [],
    status: 'ok',
    issues: [],
    versions: { 'test/grid': '1' },
  };
  return { doc, meta, tableIndex: 0 };
}

/** Recognise, evaluate the checks and parse with the schema, as the validate stage does. */
export function run(recogniser: Recogniser, table: Table, ctx: RecogniseContext = contextFor(table)) {
  const { record, issues } = recogniser.recognise(table, ctx);
  const checks = recogniser.checks({ ...record, checks: [], status: 'ok' } as unknown as RecognisedRecord);
  const status = checks.every((c) => c.ok) && issues.every((i) => i.severity !== 'error') ? 'ok' : 'partial';
  const full = recogniser.schema.parse({
    ...record,
    issues: [...(record.issues as unknown[]), ...issues],
    checks,
    status,
  });
  return full as Record<string, unknown> & { checks: Check[]; status: string };
}

/**
 * A Table from a dense text grid and its merges ([row, col, rowSpan, colSpan]), the shape the
 * DOCX and workbook extractors report; positions covered by a merge are dropped.
 */
export function tableFromRows(
  rows: string[][],
  spans: Array<[number, number, number, number]>,
  context: string[] = [],
  id = 't1',
): Table {
  const covered = new Set<string>();
  const spanAt = new Map<string, [number, number]>();
  for (const [r, c, rs, cs] of spans) {
    spanAt.set(`${r},${c}`, [rs, cs]);
    for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) if (dr || dc) covered.add(`${r + dr},${c + dc}`);
  }
  const cells: Cell[] = [];
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (covered.has(`${r},${c}`)) return;
      const [rowSpan, colSpan] = spanAt.get(`${r},${c}`) ?? [1, 1];
      cells.push({ row: r, col: c, rowSpan, colSpan, text, prov: prov(`${id}/r${r}c${c}`) });
    }),
  );
  return { id, nRows: rows.length, nCols: Math.max(...rows.map((r) => r.length)), cells, context, prov: prov(id) };
}
