import type { Processed } from './process-document.js';

/**
 * The document as `ingest` would store it, as one record beside its tables (issue 9): `extract` prints it so
 * that a document's status, its trust counts, the checks across its tables and narrative, and the issues about
 * the document as a whole are visible without `--raw`.
 */
export function documentRecord(p: Processed): Record<string, unknown> {
  const first = p.recognised.records[0];
  return {
    tableType: 'document',
    sourceId: p.document.source.id,
    fileName: p.document.source.fileName ?? null,
    format: p.document.format,
    status: p.status,
    kind: first?.kind ?? null,
    year: first?.year ?? null,
    department: first?.department ?? null,
    region: first?.region ?? {},
    pages: p.document.pages.length,
    tables: p.recognised.records.length,
    recordStatus: {
      ok: p.recognised.records.filter((r) => r.status === 'ok').length,
      partial: p.recognised.records.filter((r) => r.status === 'partial').length,
      failed: p.recognised.records.filter((r) => r.status === 'failed').length,
    },
    verification: p.recognised.verification,
    checks: p.recognised.checks,
    issues: [...p.document.issues, ...p.recognised.issues],
    versions: p.document.versions,
  };
}
