import type { ValueState } from '../../schemas/common.js';
import type { BBox } from '../model/document.js';
import type { RecognisedRecord } from '../recognise/types.js';

/**
 * A stored record laid out as the grids the viewer draws (src/serve/static/document.js): each array of printed lines
 * (rows, indicators, tasks ...) one grid, the labelled fields of a form one two-column grid, and an unrecognised
 * table its raw cells with their spans. Every value keeps its provenance and its trust state, so a click can show
 * where it is printed.
 */
export interface CellSource {
  page: number;
  bbox?: BBox;
  method: string;
  extractor?: string;
  confidence?: number;
  locator?: string;
  part?: string;
}

export interface GridCell {
  text: string;
  source?: CellSource;
  /** Trust of a number (docs/architecture.md, Trust); absent for text. */
  state?: ValueState;
  numeric?: boolean;
  rowSpan?: number;
  colSpan?: number;
}

export interface GridSection {
  /** Path of the array in the record ('rows', 'indicators', 'budget.sources'), 'fields' or 'cells'. */
  name: string;
  /** Column keys; empty for raw cells, whose first row is the printed header. */
  columns: string[];
  rows: GridCell[][];
}

export interface RecordGrid {
  tableId: string | null;
  tableType: string;
  title: string;
  status: string;
  unit: string | null;
  verification: { verified: number; contradicted: number; unchecked: number; total: number } | null;
  failedChecks: number;
  sections: GridSection[];
}

/** Keys of the record that describe it rather than print content. */
const META = new Set([
  'tableType',
  'title',
  'unit',
  'region',
  'department',
  'year',
  'kind',
  'checks',
  'issues',
  'provenance',
  'metaProvenance',
  'status',
  'verification',
  'printedDecimals',
  'versions',
  'source',
  'tableId',
]);
/** Inside a line: provenance is the line's, and `level` (类/款/项) restates the code. */
const LINE_SKIP = new Set(['provenance', 'cells', 'level']);
/** The column a line's own provenance (its label cell) belongs to. */
const LABEL_KEYS = new Set(['name', 'level3', 'label', 'title', 'seq', 'text']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProv = (v: unknown): v is CellSource => isObj(v) && typeof v.page === 'number' && typeof v.method === 'string';
const isField = (v: unknown): v is Obj & { provenance: CellSource } => isObj(v) && 'value' in v && isProv(v.provenance);
const isRawCell = (v: unknown) => isObj(v) && typeof v.row === 'number' && typeof v.col === 'number' && isProv(v.prov);

function source(p: unknown): CellSource | undefined {
  if (!isProv(p)) return undefined;
  const { page, bbox, method, extractor, confidence, locator, part } = p;
  return {
    page,
    method,
    ...(bbox ? { bbox } : {}),
    ...(extractor ? { extractor } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
    ...(locator ? { locator } : {}),
    ...(part ? { part } : {}),
  };
}

/** A value as printed: an operator value by its text, a field by its value, a blank as ''. */
export function display(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(display).filter(Boolean).join('、');
  if (isObj(v)) {
    if (typeof v.text === 'string') return v.text;
    if ('value' in v) return display(v.value);
    if (typeof v.label === 'string') return v.label;
  }
  return '';
}

export function recordGrid(record: RecognisedRecord): RecordGrid {
  const states = record.verification?.states ?? {};
  const stateOf = (path: string): ValueState | undefined => states[path] ?? states[`${path}.value`];
  const sections: GridSection[] = [];
  const fields: GridCell[][] = [];
  const decimals = record.printedDecimals;
  const cell = (v: unknown, prov: unknown, path: string): GridCell => {
    const s = source(prov);
    const state = stateOf(path);
    const n = typeof v === 'number' || (isObj(v) && typeof v.value === 'number' && !('text' in v));
    // Amounts as printed (438.20, not 438.2): the record says how many decimals its amount columns print.
    const text =
      typeof v === 'number' && decimals !== undefined && /\.values\./.test(path) ? v.toFixed(decimals) : display(v);
    return { text, ...(s ? { source: s } : {}), ...(state ? { state } : {}), ...(n ? { numeric: true } : {}) };
  };

  const walk = (node: unknown, path: string, depth: number): void => {
    if (depth > 6) return;
    if (isField(node)) {
      const label = typeof node.label === 'string' && node.label ? node.label : path;
      fields.push([{ text: label }, cell(node.value, node.provenance, `${path}.value`)]);
      return;
    }
    if (isObj(node) && Array.isArray(node.options) && isProv(node.provenance)) {
      fields.push([{ text: path }, cell(node.text, node.provenance, path)]);
      return;
    }
    if (Array.isArray(node)) {
      if (path === 'cells' && node.length && node.every(isRawCell)) return void sections.push(rawCells(node as Obj[]));
      if (node.length && node.every((x) => isObj(x) && isProv(x.provenance)))
        return void sections.push(lines(path, node as Obj[], cell));
      node.forEach((x, i) => walk(x, `${path}.${i}`, depth + 1));
      return;
    }
    if (!isObj(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (depth === 0 ? META.has(k) : k === 'provenance' || k === 'cells') continue;
      walk(v, path ? `${path}.${k}` : k, depth + 1);
    }
  };
  walk(record, '', 0);
  // Stored JSON keeps no key order: the fields in reading order of where they are printed, as on the form.
  const where = (r: GridCell[]) => r[1]?.source ?? { page: Infinity, method: '' };
  fields.sort((a, b) => {
    const p = where(a);
    const q = where(b);
    return (
      p.page - q.page || (p.bbox?.y0 ?? Infinity) - (q.bbox?.y0 ?? Infinity) || (p.bbox?.x0 ?? 0) - (q.bbox?.x0 ?? 0)
    );
  });
  if (fields.length) sections.unshift({ name: 'fields', columns: ['field', 'value'], rows: fields });
  const v = record.verification;
  return {
    tableId: typeof record.tableId === 'string' ? record.tableId : null,
    tableType: record.tableType,
    title: record.title,
    status: record.status,
    unit: record.unit,
    verification: v
      ? { verified: v.verified, contradicted: v.contradicted, unchecked: v.unchecked, total: v.total }
      : null,
    failedChecks: (record.checks ?? []).filter((c) => !c.ok).length,
    sections,
  };
}

/** An array of printed lines: one column per key (an amount table's `values` spread into its columns). */
function lines(path: string, items: Obj[], cell: (v: unknown, prov: unknown, path: string) => GridCell): GridSection {
  const columns: string[] = [];
  const add = (c: string) => {
    if (!columns.includes(c)) columns.push(c);
  };
  for (const item of items) {
    for (const [k, v] of Object.entries(item)) {
      if (LINE_SKIP.has(k)) continue;
      if (k === 'values' && isObj(v)) for (const vk of Object.keys(v)) add(`values.${vk}`);
      else add(k);
    }
  }
  const rows = items.map((item, i) => {
    const cells = isObj(item.cells) ? item.cells : undefined;
    return columns.map((c) => {
      if (c.startsWith('values.')) {
        const key = c.slice('values.'.length);
        const values = isObj(item.values) ? item.values : {};
        return cell(values[key], cells?.[key], `${path}.${i}.${c}`);
      }
      const v = item[c];
      // A line without per-cell provenance is one cell (a 资金来源 line, a spending-plan entry): its box is the line's.
      const prov =
        cells?.[c] ??
        (isField(v) ? v.provenance : undefined) ??
        (!cells || LABEL_KEYS.has(c) ? item.provenance : undefined);
      return cell(isField(v) ? v.value : v, prov, `${path}.${i}.${c}`);
    });
  });
  return { name: path, columns: columns.map((c) => c.replace(/^values\./, '')), rows };
}

/** An unrecognised table as extracted: cells placed by row and column, merged cells spanning. */
function rawCells(cells: Obj[]): GridSection {
  const byRow = new Map<number, Obj[]>();
  for (const c of cells) byRow.set(c.row as number, [...(byRow.get(c.row as number) ?? []), c]);
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, rowCells]) =>
      rowCells
        .sort((a, b) => (a.col as number) - (b.col as number))
        .map((c) => {
          const s = source(c.prov);
          const rowSpan = Number(c.rowSpan ?? 1);
          const colSpan = Number(c.colSpan ?? 1);
          return {
            text: display(c.text),
            ...(s ? { source: s } : {}),
            ...(rowSpan > 1 ? { rowSpan } : {}),
            ...(colSpan > 1 ? { colSpan } : {}),
          };
        }),
    );
  return { name: 'cells', columns: [], rows };
}
