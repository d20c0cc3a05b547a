/**
 * Where a seed prints a column, and which cell of a row stands under a typed header path (test/ground-truth/README.md,
 * `column`). Each way of printing (seed-rows.ts) keeps a different part of the table's geometry:
 * - `sheet` rows keep every cell at its sheet position: a header cell covers its position up to the next filled one;
 * - `cells` rows (Word tables) drop the cells a merge covers, so the positions are rebuilt from the header rows
 *   below: a row of full width is read as it is; a shorter one takes, for each of its cells, one run of the row
 *   below (a blank cell there is the cell above it continued down, a run of filled ones are its sub-headers); body
 *   rows are counted from the right, since their merges (`合计` over 编码 and 名称) are at the label's end;
 * - `pipe` and `text` rows lost their merged cells, so only the distance from the row's label to the value is
 *   kept: it must equal the distance from the label's header (三级指标, 科目名称, 项目) to the column's header.
 */
import type { SeedRow } from './seed-rows.js';
import { headerParts, numberOf, sameValue, squash } from './text.js';

/** Header text as compared: squashed, the `*` of required fields dropped. */
export const headerText = (s: string): string => squash(s).replace(/^\*+/, '');

/** Headers printed over a table's label column: they anchor the distance in `pipe` / `text` rows. */
const LABEL_HEADER = /^(三级指标|指标名称|科目名称|项目|项目名称)$/;

/** The header over an indicator's label: a 三级指标 printed in another column (a 年度指标值 cell) is not one. */
export const INDICATOR_HEADER = /^(三级指标|指标名称)$/;

type Span = [number, number];

const filled = (c: string): boolean => squash(c) !== '';

/** A row of column numbers (`1 2 3 … 8`) printed under the headers. */
function isColumnNumbers(row: SeedRow): boolean {
  const nums = row.cells.filter(filled).map((c) => squash(c));
  return nums.length > 1 && nums.every((n, i) => n === String(i + 1));
}

/** A header row of a Word table: no figure in it, or only column numbers. */
function isHeaderRow(row: SeedRow): boolean {
  return row.kind === 'cells' && (isColumnNumbers(row) || !row.cells.some((c) => filled(c) && numberOf(c) !== null));
}

/** Spans of a header row from the placed row below it, or null when its cells cannot be told apart. */
function placeAbove(row: SeedRow, below: Span[], belowRow: SeedRow, width: number): Span[] | null {
  if (row.cells.length === width) return row.cells.map((_, i) => [i, i]);
  const runs: Span[] = [];
  belowRow.cells.forEach((c, i) => {
    const last = runs[runs.length - 1];
    const prevFilled = i > 0 && filled(belowRow.cells[i - 1]!);
    if (last && filled(c) && prevFilled) last[1] = below[i]![1];
    else runs.push([below[i]![0], below[i]![1]]);
  });
  if (runs.length === row.cells.length) return runs;
  // A run of filled sub-headers under two headers (收入 | 支出 over 项目 决算数 项目 合计 …): each side opens with
  // the label header its first cell repeats.
  const first = squash(belowRow.cells[0] ?? '');
  const split: Span[] = [];
  belowRow.cells.forEach((c, i) => {
    const last = split[split.length - 1];
    if (last && filled(c) && filled(belowRow.cells[i - 1]!) && squash(c) !== first) last[1] = below[i]![1];
    else split.push([below[i]![0], below[i]![1]]);
  });
  return split.length === row.cells.length ? split : null;
}

export interface Layout {
  /** Spans of every cell of the header rows (null where the row could not be placed). */
  spans: Map<number, Span[] | null>;
  /** The header rows, top to bottom (Word tables); empty for the other kinds. */
  block: SeedRow[];
  /** Column positions of the value row's cells. */
  valueAt: (i: number) => number;
  /** The value row's cell at column position `g`. */
  cellAt: (g: number) => number;
}

/** The header rows of a Word table around `leaf`, up to the value row, placed bottom-up. */
function cellsLayout(rows: SeedRow[], leaf: SeedRow, value: SeedRow): Layout {
  const at = rows.indexOf(leaf);
  let top = at;
  while (top > 0 && isHeaderRow(rows[top - 1]!)) top--;
  let bottom = at;
  while (bottom + 1 < rows.length && rows[bottom + 1] !== value && isHeaderRow(rows[bottom + 1]!)) bottom++;
  const block = rows.slice(top, bottom + 1);
  const width = Math.max(value.cells.length, ...block.map((r) => r.cells.length));
  const spans = new Map<number, Span[] | null>();
  // Bottom-up: the lowest header row is counted from the right like the body; each row above takes its spans
  // from the row below, and a row that cannot be placed leaves the rows above it unplaced too.
  let below: Span[] | null = null;
  for (let i = block.length - 1; i >= 0; i--) {
    const r = block[i]!;
    const placed: Span[] | null =
      i === block.length - 1
        ? r.cells.map((_, k) => [width - r.cells.length + k, width - r.cells.length + k] as Span)
        : below && placeAbove(r, below, block[i + 1]!, width);
    spans.set(r.index, placed);
    below = placed;
  }
  const shift = width - value.cells.length;
  return { spans, block, valueAt: (i) => i + shift, cellAt: (g) => g - shift };
}

/** Sheet rows: a filled cell covers its position up to the next filled cell of its row. */
function sheetSpans(row: SeedRow): Span[] {
  return row.cells.map((c, i) => {
    if (!filled(c)) return [i, i];
    let end = i + 1;
    while (end < row.cells.length && !filled(row.cells[end]!)) end++;
    return [i, end < row.cells.length ? end - 1 : Number.MAX_SAFE_INTEGER];
  });
}

export interface ColumnCheck {
  /** The printed cell under the column, or null (with `reason`) when the column is not found. */
  printed: string | null;
  reason?: string;
}

const covers = (s: Span | undefined, g: number): boolean => !!s && s[0] <= g && g <= s[1];

/** `pipe` / `text` rows: the value lies as far right of the label as the column's header lies right of the label's. */
function checkByDistance(
  rows: SeedRow[],
  value: SeedRow,
  labelAt: number,
  parts: string[],
  typed: string,
  anchor: RegExp,
): ColumnCheck {
  const leaf = parts[parts.length - 1]!;
  const isHeader = (r: SeedRow) =>
    r.cells.some((c) => headerText(c) === leaf) && r.cells.some((c) => anchor.test(headerText(c)));
  // A PDF's text layer may print the header line after the first rows of its table: text rows look below too.
  const at = rows.indexOf(value);
  const header =
    rows.slice(0, at).reverse().find(isHeader) ??
    (value.kind === 'text' ? rows.slice(at + 1).find(isHeader) : undefined);
  if (!header)
    return {
      printed: null,
      reason: `no header row printing "${leaf}" and the label's header ${value.kind === 'text' ? 'in the table' : 'above the row'}`,
    };
  const missing = parts
    .slice(0, -1)
    .find((p) => !rows.slice(0, rows.indexOf(header)).some((r) => r.cells.some((c) => headerText(c) === p)));
  if (missing) return { printed: null, reason: `header "${missing}" is not printed above "${leaf}"` };
  const start =
    labelAt +
    header.cells.findIndex((c) => headerText(c) === leaf) -
    header.cells.findIndex((c) => anchor.test(headerText(c)));
  if (start === labelAt || start < 0) return { printed: null, reason: `"${leaf}" is the label's own column` };
  if (value.kind === 'pipe' || typed === '') return { printed: value.cells[start] ?? '' };
  // A text row splits a cell at its spaces (`90 %`): the cell is the run of words from `start` that reads as typed.
  for (let end = start + 1; end <= value.cells.length; end++) {
    const run = value.cells.slice(start, end).join('');
    if (sameValue(typed, run)) return { printed: run };
  }
  return { printed: value.cells[start] ?? '' };
}

/**
 * The cell of `value` (label at cell `labelAt`) under the typed header path, searched among the `rows` of its
 * table region above it: the nearest header cell printing the path's last part over a position right of the label
 * (any other position of the row for an indicator, whose 一级 / 二级 cells stand left of it, when `labelHeader` names
 * the header its label must stand under), with each outer part printed over it in a row above; in a Word table
 * every header printed over that position in the header rows must be a part of the path (no more, no less).
 */
export function cellUnder(
  rows: SeedRow[],
  value: SeedRow,
  labelAt: number,
  column: string,
  typed: string,
  labelHeader?: RegExp,
): ColumnCheck {
  const all = headerParts(column).map(headerText);
  if (!all.length) return { printed: null, reason: 'no column typed' };
  // A header may print a slash itself (`执行率（B/A)`, `*评/扣分标准`): the last part may be several parts joined.
  let first: ColumnCheck | undefined;
  for (let k = all.length - 1; k >= 0; k--) {
    const parts = [...all.slice(0, k), all.slice(k).join('/')];
    const res =
      value.kind === 'pipe' || value.kind === 'text'
        ? checkByDistance(rows, value, labelAt, parts, typed, labelHeader ?? LABEL_HEADER)
        : gridCell(rows, value, labelAt, parts, labelHeader);
    if (res.printed !== null) return res;
    first ??= res;
  }
  return first!;
}

function gridCell(
  rows: SeedRow[],
  value: SeedRow,
  labelAt: number,
  parts: string[],
  labelHeader?: RegExp,
): ColumnCheck {
  const leaf = parts[parts.length - 1]!;
  const upTo = rows.indexOf(value);
  let firstReason: string | undefined;
  for (let r = upTo - 1; r >= 0; r--) {
    const row = rows[r]!;
    if (row.kind !== value.kind) continue;
    for (let k = 0; k < row.cells.length; k++) {
      if (headerText(row.cells[k]!) !== leaf) continue;
      const layout: Layout | null = value.kind === 'cells' ? cellsLayout(rows, row, value) : null;
      const spanOf = (hr: SeedRow, i: number): Span | undefined =>
        layout ? layout.spans.get(hr.index)?.[i] : sheetSpans(hr)[i];
      const span = spanOf(row, k);
      if (!span) {
        firstReason ??= `cannot tell which column the header "${leaf}" (seed line ${row.line}) stands over`;
        continue;
      }
      const g = span[0];
      const at = layout ? layout.cellAt(g) : g;
      // A line's amounts stand right of its label; an indicator's 一级 / 二级 cells stand left of its 三级指标.
      if (labelHeader ? at === labelAt : at <= labelAt) continue;
      const why =
        checkOuter(rows, row, parts, g, spanOf, layout) ??
        (labelHeader
          ? checkLabelColumn(rows, row, layout ? layout.valueAt(labelAt) : labelAt, spanOf, layout, labelHeader)
          : null);
      if (why) {
        firstReason ??= why;
        continue;
      }
      return { printed: value.cells[at] ?? '' };
    }
  }
  return { printed: null, reason: firstReason ?? `no header "${leaf}" printed over a cell right of the row's label` };
}

/** The label's cell stands under the label column's header (三级指标) in the header rows down to the leaf's row. */
function checkLabelColumn(
  rows: SeedRow[],
  leafRow: SeedRow,
  g: number,
  spanOf: (r: SeedRow, i: number) => Span | undefined,
  layout: Layout | null,
  labelHeader: RegExp,
): string | null {
  const scan = layout ? layout.block : rows.slice(0, rows.indexOf(leafRow) + 1).filter((r) => r.kind === leafRow.kind);
  const under = scan
    .slice(0, scan.indexOf(leafRow) + 1)
    .some((r) => r.cells.some((c, k) => labelHeader.test(headerText(c)) && covers(spanOf(r, k), g)));
  return under ? null : `the label's cell is not under a ${labelHeader.source} header`;
}

/** The outer parts of the path printed over position `g` above the leaf's row, and (Word tables) nothing else. */
function checkOuter(
  rows: SeedRow[],
  leafRow: SeedRow,
  parts: string[],
  g: number,
  spanOf: (r: SeedRow, i: number) => Span | undefined,
  layout: Layout | null,
): string | null {
  const over = (r: SeedRow): string | null => {
    const i = r.cells.findIndex((c, k) => filled(c) && covers(spanOf(r, k), g));
    return i < 0 ? null : headerText(r.cells[i]!);
  };
  let want = parts.length - 2;
  const scan = layout ? layout.block : rows.slice(0, rows.indexOf(leafRow) + 1).filter((r) => r.kind === leafRow.kind);
  const leafAt = scan.indexOf(leafRow);
  for (let i = leafAt - 1; i >= 0; i--) {
    const printed = over(scan[i]!);
    if (want >= 0 && printed === parts[want]) want--;
    else if (layout && printed !== null) return `header "${printed}" is printed over the column but is not in the path`;
  }
  if (want >= 0) return `header "${parts[want]}" is not printed over the column of "${parts[parts.length - 1]}"`;
  if (layout) {
    for (const r of scan.slice(leafAt + 1)) {
      const printed = over(r);
      if (printed !== null && !isColumnNumbers(r))
        return `header "${printed}" is printed under "${parts[parts.length - 1]}": the path stops short`;
    }
  }
  return null;
}
