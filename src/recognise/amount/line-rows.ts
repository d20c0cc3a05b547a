import type { Cell, Issue, Provenance, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { LineRow } from '../../../schemas/common.js';
import { normalise, parseAmount, splitCode } from '../values.js';
import { type ColumnRole, type HeaderInfo, rowTexts } from './header-match.js';
import { levelOfCode } from './code-tree.js';
import { cleanLabel, squash } from './text.js';

/**
 * A group of columns read as one list of lines. Most tables have one; side-by-side layouts have
 * several: the two halves of the Shanghai 基本支出 table (经济分类 left and right), and the 收入 /
 * 支出 sides of a summary table.
 */
export interface Segment {
  codeCols: number[];
  nameCol: number | null;
  /** Further name columns under the same 项目名称 header: sub-labels of a group label (Jiangsu 收入预算总表). */
  subNameCols: number[];
  valueCols: Array<{ col: number; key: string }>;
  textCols: Array<{ col: number; key: string }>;
  /** Header path above the name column without its leaf ('收入', '支出/功能分类'). */
  group: string;
}

/** A body line as read, before table-specific shaping. */
export interface BodyRow extends LineRow {
  segment: number;
  /** Text columns (备注) as printed. */
  texts?: Record<string, string>;
  /** Grid row the line starts on. */
  gridRow: number;
  /** The code as printed, spaces kept ('7 11 02'), for the finding when it is placed elsewhere. */
  codeText?: string;
  /** The printed code when the tree placed the line under another (code_tree.ts, placeMisprintedCodes). */
  printedCode?: string;
}

/** Split columns into segments: a new one starts where a code or name column follows values. */
export function segmentColumns(roles: ColumnRole[], paths: string[][]): Segment[] {
  const segments: Segment[] = [];
  let cur: Segment | null = null;
  let seenValue = false;
  roles.forEach((role, col) => {
    const startsLabel = role.role === 'code' || role.role === 'name';
    if (!cur || (startsLabel && seenValue)) {
      cur = { codeCols: [], nameCol: null, subNameCols: [], valueCols: [], textCols: [], group: '' };
      segments.push(cur);
      seenValue = false;
    }
    if (role.role === 'code') cur.codeCols.push(col);
    else if (role.role === 'name') {
      if (cur.nameCol === null) {
        cur.nameCol = col;
        cur.group = (paths[col] ?? []).slice(0, -1).join('/');
      } else cur.subNameCols.push(col);
    } else if (role.role === 'ignored' && (paths[col] ?? []).length === 0 && cur.nameCol !== null && !seenValue) {
      // A blank-headed column right after 项目名称 holds its sub-labels (Jiangsu 2017 收入预算总表).
      cur.subNameCols.push(col);
    } else if (role.role === 'value') {
      cur.valueCols.push({ col, key: role.key });
      seenValue = true;
    } else if (role.role === 'text') {
      cur.textCols.push({ col, key: role.key });
      seenValue = true;
    }
  });
  return segments.filter((s) => s.valueCols.length > 0 || s.nameCol !== null || s.codeCols.length > 0);
}

/** What the amount cells of a table printed: their precision (the unit of 尾差) and how many could be read. */
export interface AmountStats {
  /** Most decimals printed in an amount (2 for '1,234.56', 0 for whole 元); undefined when none printed. */
  decimals: number | undefined;
  parsed: number;
  unparsed: number;
}

interface ReadContext {
  table: Table;
  grid: Array<Array<Cell | undefined>>;
  issues: Issue[];
  stats: AmountStats;
}

/** Read every body line of every segment; blank lines are dropped, wrapped names joined. */
export function readBody(
  table: Table,
  header: HeaderInfo,
  segments: Segment[],
): { rows: BodyRow[]; issues: Issue[]; stats: AmountStats } {
  const { grid } = rowTexts(table);
  const ctx: ReadContext = { table, grid, issues: [], stats: { decimals: undefined, parsed: 0, unparsed: 0 } };
  const rows: BodyRow[] = [];
  if (header.totalInHeader && segments[0]) {
    const cell = header.totalInHeader;
    const values = Object.fromEntries(segments[0].valueCols.map((v) => [v.key, null]));
    rows.push({ name: cleanLabel(cell.text), values, provenance: cell.prov, cells: {}, segment: 0, gridRow: cell.row });
  }
  segments.forEach((seg, s) => {
    const coded = seg.codeCols.length > 0;
    let prev: BodyRow | null = null;
    for (let r = header.bodyStart; r < grid.length; r++) {
      if (header.skipRows.has(r)) continue;
      const row = readLine(ctx, seg, s, r);
      if (!row) continue;
      const empty = Object.values(row.values).every((v) => v === null) && !row.texts;
      // A name wrapped onto the next printed line comes back as a line with a name only (seed 001, Shanghai 02表).
      if (
        prev &&
        (coded || prev.code) &&
        !row.code &&
        empty &&
        row.name !== '' &&
        !/合计|总计|^[…．.。]+$/.test(row.name)
      ) {
        prev.name = (prev.name + row.name).trim();
        continue;
      }
      rows.push(row);
      prev = row;
    }
  });
  return { rows, issues: ctx.issues, stats: ctx.stats };
}

function anchor(ctx: ReadContext, r: number, c: number): Cell | undefined {
  const cell = ctx.grid[r]?.[c];
  // A cell merged down over several lines belongs to its first line only.
  return cell && cell.row === r ? cell : undefined;
}

function readLine(ctx: ReadContext, seg: Segment, s: number, r: number): BodyRow | null {
  const codeCells = seg.codeCols.map((c) => anchor(ctx, r, c)).filter((c): c is Cell => !!c);
  const nameCell = seg.nameCol === null ? undefined : anchor(ctx, r, seg.nameCol);
  let code: string | null = null;
  let name = nameCell ? cleanLabel(nameCell.text) : '';
  if (seg.nameCol !== null && seg.subNameCols.length > 0) name = groupedName(ctx, seg, r);
  // 款 / 项 printed in their own columns lose a leading zero when the sheet stored them as numbers
  // (Shanghai 万里街道 2024: '301 | 2' for 30102); pad them back, with an issue.
  const parts = codeCells.map((c) => squash(c.text));
  if (parts.length > 1 && /^\d{3}$/.test(parts[0]!) && parts.slice(1).some((p) => /^\d$/.test(p))) {
    ctx.issues.push(
      issue('warning', 'amount.code_padded', `code parts ${parts.join(' ')} padded to two digits`, codeCells[0]!.prov),
    );
    for (let i = 1; i < parts.length; i++) if (/^\d$/.test(parts[i]!)) parts[i] = `0${parts[i]}`;
  }
  const codeText = parts.join('');
  if (/^\d+$/.test(codeText)) code = codeText;
  else if (/^\d{3,}/.test(codeText)) {
    // Code and name printed in one cell: '2010101  行政运行'.
    const split = splitCode(codeCells.map((c) => c.text).join(' '));
    code = split.code;
    if (name === '') name = cleanLabel(split.name);
  }
  // 合计 printed in the code column (Shanghai template), or a '…' placeholder line.
  if (code === null && name === '' && codeText !== '') name = cleanLabel(codeCells.map((c) => c.text).join(''));
  if (code === null && /^\d{3,}/.test(normalise(name))) {
    const split = splitCode(name);
    code = split.code;
    name = cleanLabel(split.name);
  }
  const values: Record<string, number | null> = {};
  const cells: Record<string, Provenance> = {};
  let firstProv: Provenance | undefined = nameCell?.prov ?? codeCells[0]?.prov;
  for (const { col, key } of seg.valueCols) {
    const cell = anchor(ctx, r, col);
    if (!(key in values)) values[key] = null;
    // A label merged over this column (Jiangsu: 当年支出小计 spans both expenditure sides) is no amount.
    if (!cell || cell.col !== col) continue;
    cells[key] = cell.prov;
    firstProv ??= cell.prov;
    values[key] = amountOf(ctx, cell, key);
  }
  let texts: Record<string, string> | undefined;
  for (const { col, key } of seg.textCols) {
    const cell = anchor(ctx, r, col);
    const t = cell ? normalise(cell.text) : '';
    if (t !== '') (texts ??= {})[key] = t;
  }
  const hasValue = Object.values(values).some((v) => v !== null);
  if (!code && name === '' && !hasValue && !texts) return null;
  const row: BodyRow = { name, values, provenance: firstProv ?? ctx.table.prov, cells, segment: s, gridRow: r };
  if (code) {
    row.code = code;
    const printed = normalise(codeCells.map((c) => c.text).join(' '));
    if (printed !== '' && printed !== code) row.codeText = printed;
    const level = levelOfCode(code);
    if (level) row.level = level;
  }
  if (texts) row.texts = texts;
  return row;
}

/**
 * '一般公共预算资金/小计': the group label (merged down over its lines) and the line's own label; a
 * label merged across both columns ('收入总计') is named once.
 */
function groupedName(ctx: ReadContext, seg: Segment, r: number): string {
  const cells: Cell[] = [];
  for (const c of [seg.nameCol!, ...seg.subNameCols]) {
    const cell = ctx.grid[r]?.[c];
    if (cell && !cells.includes(cell) && squash(cell.text) !== '') cells.push(cell);
  }
  if (!cells.some((c) => c.row === r)) return '';
  return cells.map((c) => cleanLabel(c.text)).join('/');
}

/** Printed text is the value (what the reader sees); a workbook's stored number is the fallback. */
function amountOf(ctx: ReadContext, cell: Cell, key: string): number | null {
  const p = parseAmount(cell.text);
  if (p.kind === 'number') {
    const decimals = /\.(\d+)\s*\)?\s*$/.exec(normalise(cell.text))?.[1]?.length ?? 0;
    ctx.stats.decimals = Math.max(ctx.stats.decimals ?? 0, decimals);
    ctx.stats.parsed++;
    return p.value;
  }
  if (p.kind === 'dash') return 0;
  if (p.kind === 'blank') return typeof cell.value === 'number' ? cell.value : null;
  ctx.stats.unparsed++;
  ctx.issues.push(issue('warning', 'amount.unparsed_value', `column ${key}: '${p.text}' is not an amount`, cell.prov));
  return null;
}
