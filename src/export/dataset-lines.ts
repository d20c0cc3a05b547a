import type { LineRow, ProvenanceOut, ValueState } from '../../schemas/common.js';
import type { NarrativeFigure } from '../../schemas/narrative.js';
import type { StoredRecordRow } from '../store/ports.js';
import { compact } from '../recognise/values.js';
import { printedValue, toYuan } from './decimal.js';
import { columnHeader } from './dictionary.js';
import { printedOrder } from './value-rows.js';
import type { DocumentFacets } from '../store/document-facets.js';

/**
 * The dataset export's unit of work (issue 15): a table line, or a narrative figure, with the document facts that
 * key it in a panel (department id, year, kind, level, table type, scope, line key) and its printed values. The long
 * shape writes one row per value (long-rows.ts), the wide one row per line (wide-rows.ts).
 */

/** The document facts of a record, as the documents table holds them with the department links applied. */
/** The document's facets as the store's columns hold them (src/store/document-facets.ts). */
export type DatasetFacets = DocumentFacets;

export interface DatasetItem extends StoredRecordRow {
  facets: DatasetFacets;
}

export interface LineHead {
  department_id: string | null;
  department: string | null;
  region_id: string | null;
  region: string | null;
  year: number | null;
  kind: string | null;
  level: string | null;
  table_type: string;
  scope: string | null;
  row_code: string;
  row_name: string;
  unit: string | null;
  status: string;
  file: string;
  page: number | null;
}

export interface LineCell {
  key: string;
  header: string;
  /** As printed in the table's unit; null for a blank cell. */
  value: string | null;
  valueYuan: string | null;
  unit: string | null;
  verification: ValueState;
  page: number | null;
  bbox: string | null;
}

export interface Line {
  head: LineHead;
  cells: LineCell[];
}

type StoredRow = LineRow & { side?: string; notes?: Record<string, string> };

const STAGE_HEADERS: Record<string, string> = { budget: '预算数', final: '决算数', amount: '金额' };

/**
 * Line keys unique within a document: two lines of one table (or of two tables of one type and scope) that would
 * share a key get `#2`, `#3` in print order, so a pivot on the key never sees two entries for one cell.
 */
export class LineKeys {
  private document: string | undefined;
  private seen = new Map<string, number>();

  unique(documentId: string, tableType: string, scope: string | null, key: string): string {
    if (documentId !== this.document) {
      this.document = documentId;
      this.seen.clear();
    }
    const id = `${tableType}|${scope ?? ''}|${key}`;
    const n = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, n);
    return n === 1 ? key : `${key}#${n}`;
  }
}

const bboxText = (p: ProvenanceOut | undefined) =>
  p?.bbox ? `${p.bbox.x0} ${p.bbox.y0} ${p.bbox.x1} ${p.bbox.y1}` : null;

/** The line key of a row without a printed code: its side and name, or its place in a procurement table's tree. */
function rowKeys(rows: StoredRow[], procurement: boolean): string[] {
  let category = '';
  let project = '';
  let economic = '';
  return rows.map((row, i) => {
    if (row.code) return row.code;
    const notes = row.notes ?? {};
    if (procurement && Object.keys(notes).length > 0) {
      if (notes.category) [category, project, economic] = [compact(notes.category), '', ''];
      if (notes.project) [project, economic] = [compact(notes.project), compact(notes.economicItem ?? '')];
      else if (notes.economicItem) economic = compact(notes.economicItem);
      const path = [category, project, economic];
      if (notes.item && !notes.category && !notes.project && !notes.economicItem) path.push(compact(notes.item));
      const key = path.filter(Boolean).join('/');
      if (key) return key;
    }
    const name = compact(row.name);
    if (!name) return `row${i + 1}`;
    return row.side ? `${row.side}:${name}` : name;
  });
}

function headOf(item: DatasetItem, keys: LineKeys, rowCode: string, rowName: string, page: number | null): LineHead {
  const r = item.record;
  const f = item.facets;
  const scope = typeof r.scope === 'string' ? r.scope : null;
  return {
    department_id: f.departmentId,
    department: f.department,
    region_id: f.regionId,
    region: f.region,
    year: r.year ?? f.year,
    kind: r.kind && r.kind !== 'unknown' ? r.kind : f.kind,
    level: f.level,
    table_type: r.tableType,
    scope,
    row_code: keys.unique(item.documentId, r.tableType, scope, rowCode),
    row_name: rowName,
    unit: r.unit,
    status: r.status,
    file: item.fileName ?? item.sourceUrl,
    page,
  };
}

/** The lines of a stored record: its table rows, or its narrative figures; nothing for other records. */
export function recordLines(item: DatasetItem, keys: LineKeys): Line[] {
  const r = item.record;
  const states = r.verification?.states ?? {};
  if (r.tableType === 'narrative') {
    const figures = Array.isArray(r.figures) ? (r.figures as NarrativeFigure[]) : [];
    return figures.map((f, i) => {
      const key = f.stage ?? 'amount';
      const head = { ...headOf(item, keys, f.key, f.label, f.provenance.page), unit: f.unit };
      return {
        head,
        cells: [
          {
            key,
            header: STAGE_HEADERS[key]!,
            value: f.printed,
            valueYuan: toYuan(f.printed, f.unit),
            unit: f.unit,
            verification: states[`figures.${i}.value`] ?? 'unchecked',
            page: f.provenance.page,
            bbox: bboxText(f.provenance),
          },
        ],
      };
    });
  }
  const rows = (Array.isArray(r.rows) ? r.rows : []) as StoredRow[];
  const codes = rowKeys(rows, r.tableType.endsWith('.procurement'));
  return rows.map((row, i) => {
    const head = headOf(item, keys, codes[i]!, row.name, row.provenance?.page ?? null);
    const cells = printedOrder(row).map((key): LineCell => {
      const v = row.values[key];
      const prov = row.cells?.[key] ?? row.provenance;
      const value = v === null || v === undefined ? null : printedValue(v, r.printedDecimals);
      return {
        key,
        header: columnHeader(r.tableType, key) ?? key,
        value,
        valueYuan: value === null ? null : toYuan(value, r.unit),
        unit: r.unit,
        verification: states[`rows.${i}.values.${key}`] ?? 'unchecked',
        page: prov?.page ?? null,
        bbox: bboxText(prov),
      };
    });
    return { head, cells };
  });
}
