import type { Cell, Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { splitPoints } from '../values.js';
import type { FormView } from './form.js';
import { cleanText, labelKey } from './text.js';

/** A column of an indicator block, found by its printed header. */
export interface ColumnSpec {
  key: string;
  header: RegExp;
}

/** What one column says on one indicator row. */
export interface ColumnText {
  text: string;
  prov: Provenance;
  /** False when the cell is merged down from a row above (its number must not be counted twice). */
  anchored: boolean;
}

/** One indicator row with its 一级/二级 labels carried down (docs/domain.md §3.2–3.5). */
export interface IndicatorRow {
  level1: string | null;
  level1Points: number | null;
  level2: string | null;
  level2Points: number | null;
  level3: string;
  level3Points: number | null;
  columns: Record<string, ColumnText | undefined>;
  provenance: Provenance;
  cells: Record<string, Provenance>;
}

export interface IndicatorHeader {
  row: number;
  /** Header cells by key; level1..3 always present. */
  columns: Map<string, Cell>;
}

const LEVELS: ColumnSpec[] = [
  { key: 'level1', header: /^一级指标$/ },
  { key: 'level2', header: /^二级指标$/ },
  { key: 'level3', header: /^三级指标$/ },
];

/** The first row at or after `fromRow` that prints 一级指标, 二级指标 and 三级指标 as headers. */
export function findIndicatorHeader(view: FormView, specs: ColumnSpec[], fromRow = 0): IndicatorHeader | undefined {
  for (let r = fromRow; r < view.table.nRows; r++) {
    const header = headerAt(view, r, specs);
    if (header) return header;
  }
  return undefined;
}

function headerAt(view: FormView, r: number, specs: ColumnSpec[]): IndicatorHeader | undefined {
  const cells = view.rowCells(r).filter((c) => c.row === r);
  const columns = new Map<string, Cell>();
  for (const spec of [...LEVELS, ...specs]) {
    const cell = cells.find((c) => spec.header.test(labelKey(c.text)));
    if (cell) columns.set(spec.key, cell);
  }
  return LEVELS.every((l) => columns.has(l.key)) ? { row: r, columns } : undefined;
}

/**
 * The indicator rows under `header`, up to the first row with a cell matching `stop`
 * (说明, 备注, 注：...). 一级/二级 labels come from merged cells (the grid repeats them) or,
 * where the merge was lost (HTML without rowspan, text extracts), from the last label printed
 * above. A header repeated after a page break is skipped (seed 001, 部门整体支出绩效自评表).
 * Rows that print nothing but a level label (seed 001: `生态效益指标`, `……`) are template
 * placeholders and are not indicators.
 */
export function readIndicators(
  view: FormView,
  header: IndicatorHeader,
  specs: ColumnSpec[],
  stop: RegExp,
): { rows: IndicatorRow[]; endRow: number; issues: Issue[] } {
  const rows: IndicatorRow[] = [];
  let carried = 0;
  let l1: ColumnText | undefined;
  let l2: ColumnText | undefined;
  let r = header.row + 1;
  for (; r < view.table.nRows; r++) {
    const own = view.rowCells(r).filter((c) => c.row === r);
    if (own.some((c) => stop.test(labelKey(c.text)))) break;
    if (headerAt(view, r, [])) continue;
    const read = (key: string): ColumnText | undefined => {
      const h = header.columns.get(key);
      return h ? textUnder(view, r, h, header.row) : undefined;
    };
    const t1 = read('level1');
    const t2 = read('level2');
    if (t1 && t1.text !== '' && t1.text !== l1?.text) {
      l1 = t1;
      l2 = undefined;
    }
    if (t2 && t2.text !== '') l2 = t2;
    const level3 = read('level3');
    const columns: Record<string, ColumnText | undefined> = {};
    for (const spec of specs) columns[spec.key] = read(spec.key);
    const filled = Object.values(columns).some((c) => c && c.text !== '');
    if ((!level3 || level3.text === '') && !filled) continue;
    if ((l1 && !t1?.text) || (l2 && !t2?.text)) carried++;
    rows.push(indicatorRow(l1, l2, level3, columns, view, r));
  }
  // Same code as the dept_target reader: a label taken from a blank cell is inferred, not printed.
  const issues = carried
    ? [
        issue(
          'warning',
          'perf.label_carried_down',
          `${carried} indicator rows took their 一级/二级 label from the row above (blank cell)`,
          view.table.prov,
        ),
      ]
    : [];
  return { rows, endRow: r, issues };
}

function indicatorRow(
  l1: ColumnText | undefined,
  l2: ColumnText | undefined,
  l3: ColumnText | undefined,
  columns: Record<string, ColumnText | undefined>,
  view: FormView,
  r: number,
): IndicatorRow {
  const p1 = l1 ? splitPoints(l1.text) : undefined;
  const p2 = l2 ? splitPoints(l2.text) : undefined;
  const p3 = splitPoints(l3?.text ?? '');
  const cells: Record<string, Provenance> = {};
  if (l1) cells.level1 = l1.prov;
  if (l2) cells.level2 = l2.prov;
  if (l3) cells.level3 = l3.prov;
  for (const [k, v] of Object.entries(columns)) if (v && v.text !== '') cells[k] = v.prov;
  const first = view.rowCells(r).find((c) => c.row === r) ?? view.rowCells(r)[0]!;
  return {
    level1: p1?.label || null,
    level1Points: p1?.points ?? null,
    level2: p2?.label || null,
    level2Points: p2?.points ?? null,
    level3: p3.label,
    level3Points: p3.points,
    columns,
    provenance: l3?.prov ?? first.prov,
    cells,
  };
}

/**
 * The text printed in row `r` under a header cell (all the distinct cells the header spans,
 * seed 001 prints 三级指标 over two columns). Cells reaching up into the header row belong
 * to the header, not the row.
 */
function textUnder(view: FormView, r: number, header: Cell, headerRow: number): ColumnText | undefined {
  const seen: Cell[] = [];
  for (let c = header.col; c < header.col + header.colSpan; c++) {
    const cell = view.grid[r]?.[c];
    if (cell && cell.row > headerRow && !seen.includes(cell)) seen.push(cell);
  }
  const printed = seen.filter((c) => cleanText(c.text) !== '');
  const first = printed[0] ?? seen[0];
  if (!first) return undefined;
  return {
    text: printed.map((c) => cleanText(c.text)).join(' '),
    prov: first.prov,
    anchored: first.row === r,
  };
}
