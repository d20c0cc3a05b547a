import type { ProvenanceOut } from '../../schemas/common.js';
import type { StoredRecordRow } from '../store/ports.js';

/** A CSV field before quoting: blank for null / undefined. */
export type Field = string | number | null | undefined;
export type CsvRow = Record<string, Field>;

/** Which document and table a row comes from: the same leading columns in every CSV shape. */
export const RECORD_COLUMNS = [
  'documentId',
  'sourceUrl',
  'fileName',
  'tableId',
  'tableType',
  'title',
  'unit',
  'province',
  'city',
  'county',
  'department',
  'year',
  'kind',
  'recordStatus',
] as const;

/** Where a value was printed (docs/architecture.md, Provenance): the trailing columns of every CSV shape. */
export const PROVENANCE_COLUMNS = ['page', 'part', 'locator', 'bbox', 'method', 'extractor', 'confidence'] as const;

export function recordFields(item: StoredRecordRow): CsvRow {
  const r = item.record;
  return {
    documentId: item.documentId,
    sourceUrl: item.sourceUrl,
    fileName: item.fileName,
    tableId: typeof r.tableId === 'string' ? r.tableId : undefined,
    tableType: r.tableType,
    title: r.title,
    unit: r.unit,
    province: r.region?.province,
    city: r.region?.city,
    county: r.region?.county,
    department: r.department,
    year: r.year,
    kind: r.kind,
    recordStatus: r.status,
  };
}

/** bbox as `x0 y0 x1 y1` (PDF points, top-left origin) so it stays one field. */
export function provenanceFields(prov: ProvenanceOut | undefined): CsvRow {
  if (!prov) return {};
  const b = prov.bbox;
  return {
    page: prov.page,
    part: prov.part,
    locator: prov.locator,
    bbox: b ? `${b.x0} ${b.y0} ${b.x1} ${b.y1}` : undefined,
    method: prov.method,
    extractor: prov.extractor,
    confidence: prov.confidence,
  };
}
