import type { Table } from '../../model/document.js';
import { type ColumnRule, type HeaderInfo, columnRole } from './header-match.js';
import { type BodyRow, type Segment, readBody, segmentColumns } from './line-rows.js';
import type { AmountKind } from './classify.js';

export const MEASURE = /^(预算数|决算数|执行数|全年预算数|调整预算数)$/;

/**
 * The "三公"经费 table (公开07表) is printed transposed: the measures 预算数 / 决算数 are either the
 * row labels (seed 001) or the lowest header level under each item (Shanghai 决算). Either way the
 * record has one row per measure, named after it; a budget table with one unlabelled row gets '预算数'.
 */
export function readTransposed(table: Table, header: HeaderInfo, rules: ColumnRule[], kind: AmountKind) {
  const measures = [...new Set(header.paths.map((p) => p.at(-1) ?? '').filter((l) => MEASURE.test(l)))];
  if (measures.length === 0) {
    const roles = header.paths.map((p) => columnRole(p, rules));
    const segments = segmentColumns(roles, header.paths);
    const body = readBody(table, header, segments.slice(0, 1));
    const measure = kind === 'budget' ? '预算数' : '决算数';
    for (const r of body.rows) if (r.name === '') r.name = measure;
    // A blank template prints the header over one empty line of figures: that line is still the record's row.
    const only = segments[0];
    if (body.rows.length === 0 && only && only.nameCol === null && only.valueCols.length > 0) {
      const values = Object.fromEntries(only.valueCols.map((v) => [v.key, null]));
      body.rows.push({
        name: measure,
        values,
        provenance: table.prov,
        cells: {},
        segment: 0,
        gridRow: header.bodyStart,
      });
    }
    return { ...body, segments };
  }
  const segments: Segment[] = measures.map(() => ({
    codeCols: [],
    nameCol: null,
    subNameCols: [],
    valueCols: [],
    textCols: [],
    group: '',
  }));
  header.paths.forEach((path, col) => {
    const m = measures.indexOf(path.at(-1) ?? '');
    const role = columnRole(m >= 0 ? path.slice(0, -1) : path, rules);
    if (role.role !== 'value') return;
    // A column printed without a measure (机关运行经费 beside the pairs) goes with the last measure.
    const target = m >= 0 ? m : measures.length - 1;
    segments[target]!.valueCols.push({ col, key: role.key });
  });
  const body = readBody(table, header, segments);
  const rows: BodyRow[] = body.rows.map((r) => ({ ...r, name: measures[r.segment]! }));
  // A measure printed with every cell blank (Shanghai: 决算数 of an unused item) is still a row.
  measures.forEach((name, segment) => {
    if (rows.some((r) => r.segment === segment)) return;
    const values = Object.fromEntries(segments[segment]!.valueCols.map((v) => [v.key, null]));
    rows.push({ name, values, provenance: table.prov, cells: {}, segment, gridRow: header.bodyStart });
  });
  rows.sort((a, b) => a.segment - b.segment);
  return { rows, issues: body.issues, stats: body.stats, segments };
}
