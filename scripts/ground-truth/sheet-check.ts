/**
 * Confirms a ground-truth file of a workbook against LibreOffice's reading of its sheets (`checkedWith:
 * "libreoffice"`, test/ground-truth/README.md "Workbook check"), by the rules of the PDF checker with sheet cells for
 * ruled cells: `page` is the 1-based sheet index; a value's row is a cell printing its label (its code in the digit
 * cells left of it, its group labels in cells left of it whose rows hold it); its column the one cell of that row,
 * right of the label and inside the header over the label that reaches further right, whose header path (every text
 * cell above it, below the table's title and 单位 line and above its first number, merged over its column, outermost
 * first) is exactly the typed `column`; the table it stands in titled (the nearest title row above) as its type and
 * scope. A listed table: its title printed in a row of its sheet, naming its type, with its 单位 line under it.
 */
import type { GroundTruthFile, GroundTruthTable, GroundTruthValue, ValueVerdict } from './types.js';
import type { TableVerdict } from './pdf-check.js';
import { readWorkbook, type Sheet, type SheetCell } from './sheet-read.js';
import { sideOf } from './grid-header.js';
import { titleType } from './titles.js';
import { agrees, headerParts, numberOf, oneUnder, squash } from './text.js';

export interface SheetTitle {
  row: number;
  type: string;
  text: string;
  /** The row of its 单位 line (the first under the title, before the next title), if it prints one. */
  unitRow?: number;
  unit?: string;
}

const UNIT = /单位:?(万元|元)/;

/** A row's cells, left to right. */
function rowCells(sheet: Sheet, r: number): SheetCell[] {
  return sheet.cells.filter((c) => c.r0 === r);
}

const rowText = (sheet: Sheet, r: number): string =>
  squash(
    rowCells(sheet, r)
      .map((c) => c.text)
      .join(''),
  );

const titleCache = new WeakMap<Sheet, SheetTitle[]>();

/** The table titles a sheet prints (rows whose text the title vocabulary names), top to bottom, with their units. */
export function sheetTitles(sheet: Sheet): SheetTitle[] {
  const hit = titleCache.get(sheet);
  if (hit) return hit;
  const titles: SheetTitle[] = [];
  for (let r = 0; r < sheet.rows; r++) {
    const text = rowText(sheet, r);
    const t = text ? titleType(text) : null;
    if (t) titles.push({ row: r, type: t.type, text });
  }
  titles.forEach((t, i) => {
    const end = titles[i + 1]?.row ?? sheet.rows;
    for (let r = t.row; r < end; r++) {
      const m = UNIT.exec(rowText(sheet, r));
      if (m) {
        t.unitRow = r;
        t.unit = m[1]!;
        break;
      }
    }
  });
  titleCache.set(sheet, titles);
  return titles;
}

/** The title a row of a sheet stands under: the nearest title row above it. */
function titleOver(sheet: Sheet, r: number): SheetTitle | undefined {
  return sheetTitles(sheet)
    .filter((t) => t.row < r)
    .pop();
}

function scopeOf(title: string): 'general_budget' | 'fiscal' | null {
  return title.includes('一般公共预算') ? 'general_budget' : title.includes('财政拨款') ? 'fiscal' : null;
}

function titleCheck(sheet: Sheet, r: number, v: GroundTruthValue): string | null {
  const t = titleOver(sheet, r);
  if (!t) return `no table title printed above row ${r + 1} of sheet ${sheet.index}`;
  if (t.type !== v.tableType)
    return `the table is titled "${t.text}" (row ${t.row + 1}), a ${t.type}, not ${v.tableType}`;
  if (v.scope && scopeOf(t.text) !== v.scope) return `the table is titled "${t.text}", not of the ${v.scope} scope`;
  return null;
}

const isText = (c: SheetCell): boolean => squash(c.text) !== '' && numberOf(c.text) === null;
const covers = (outer: SheetCell, inner: SheetCell): boolean => outer.c0 <= inner.c0 && outer.c1 >= inner.c1;

/** First row of the table under `title` printing a number: its header is above it (Infinity when it prints none). */
function dataTop(sheet: Sheet, title: SheetTitle): number {
  const next = sheetTitles(sheet).find((t) => t.row > title.row)?.row ?? sheet.rows;
  const top = (title.unitRow ?? title.row) + 1;
  const first = sheet.cells.find(
    (c) => c.r0 >= top && c.r0 < next && squash(c.text) !== '' && numberOf(c.text) !== null,
  );
  return first ? first.r0 : Infinity;
}

/** The header cells over `cell`: text cells of its table above it (and above the first number), outermost first. */
function headerCells(sheet: Sheet, cell: SheetCell): SheetCell[] {
  const title = titleOver(sheet, cell.r0);
  if (!title) return [];
  const top = (title.unitRow ?? title.row) + 1;
  const limit = Math.min(cell.r0, dataTop(sheet, title));
  return sheet.cells
    .filter((h) => h.r0 >= top && h.r1 < limit && isText(h) && covers(h, cell))
    .sort((a, b) => a.r0 - b.r0);
}

const pathOf = (sheet: Sheet, cell: SheetCell): string[] => headerCells(sheet, cell).map((h) => squash(h.text));
const samePath = (a: string[], b: string[]): boolean => a.length === b.length && a.every((p, i) => p === b[i]);
const isCodePart = (s: string): boolean => /^\d{2,}$/.test(s);

/** The code printed in the cells left of a label on its row: digit cells (blank ones skipped) up to a text cell. */
function codeLeftOf(sheet: Sheet, label: SheetCell): string {
  const parts: string[] = [];
  for (let c = label.c0 - 1; c >= 0; c--) {
    const cell = sheet.at(label.r0, c);
    if (!cell || cell.c1 >= label.c0 || cell.c0 !== c) continue;
    const t = squash(cell.text);
    if (t === '') continue;
    if (!isCodePart(t)) break;
    parts.unshift(t);
  }
  return parts.join('');
}

/** Each typed group label printed in a cell left of the row's label whose rows hold the label's row. */
function groupsOver(sheet: Sheet, label: SheetCell, groups: string[]): boolean {
  let inner = label;
  for (const g of [...groups].reverse()) {
    const found = sheet.cells.find(
      (c) => squash(c.text) === g && c.c1 < inner.c0 && c.r0 <= inner.r0 && c.r1 >= inner.r1,
    );
    if (!found) return false;
    inner = found;
  }
  return true;
}

/** Where the typed row is printed: label cells (under their groups, beside their code), or the single line. */
function anchors(sheet: Sheet, v: GroundTruthValue): SheetCell[] | string {
  const code = v.code ? squash(v.code) : undefined;
  if (!v.row && !code) return singleLine(sheet, v);
  const parts = v.row ? v.row.split('/').map(squash) : [];
  const leaf = parts[parts.length - 1];
  const out = sheet.cells.filter((c) => {
    const t = squash(c.text);
    if (t === '') return false;
    const glued = code !== undefined && leaf !== undefined && t === code + leaf;
    if (leaf !== undefined && t !== leaf && !glued) return false;
    if (leaf === undefined && (isCodePart(t) || codeLeftOf(sheet, c) !== code)) return false;
    if (leaf !== undefined && code !== undefined && !glued && codeLeftOf(sheet, c) !== code) return false;
    return groupsOver(sheet, c, parts.slice(0, -1));
  });
  if (out.length) return out;
  const where = [code, v.row].filter(Boolean).join(' ');
  return (
    `row "${where}" is not printed in a cell of sheet ${v.page}` +
    (code && leaf ? ' (with that code left of that label on one row)' : '')
  );
}

/**
 * A table printing a single line (支出预算总表, 三公经费表): the one row of its region printing figures, or, when it
 * prints none (a template), its first row of bordered empty cells under the header. The anchor is the row's first
 * cell, one column left of the table.
 */
function singleLine(sheet: Sheet, v: GroundTruthValue): SheetCell[] | string {
  const out: SheetCell[] = [];
  sheetTitles(sheet).forEach((t, i, all) => {
    if (t.type !== v.tableType) return;
    const next = all[i + 1]?.row ?? sheet.rows;
    const top = (t.unitRow ?? t.row) + 1;
    const region = sheet.cells.filter((c) => c.r0 >= top && c.r0 < next);
    const figureRows = [
      ...new Set(region.filter((c) => squash(c.text) !== '' && numberOf(c.text) !== null).map((c) => c.r0)),
    ];
    let row: number | undefined = figureRows.length === 1 ? figureRows[0] : undefined;
    if (!figureRows.length) {
      const textBottom = Math.max(top - 1, ...region.filter(isText).map((c) => c.r1));
      const blank = region.filter((c) => c.r0 > textBottom && c.bordered && squash(c.text) === '');
      row = blank.length ? Math.min(...blank.map((c) => c.r0)) : undefined;
    }
    if (row !== undefined) out.push({ r0: row, r1: row, c0: -1, c1: -1, text: '', bordered: false });
  });
  return out.length ? out : `no row given, and no ${v.tableType} table of sheet ${v.page} prints a single line`;
}

type Reading = { printed: string; cell: SheetCell } | { reason: string };

/** The cell of the anchor's row under the typed column. */
function readRow(sheet: Sheet, v: GroundTruthValue, a: SheetCell, want: string[]): Reading {
  const title = titleCheck(sheet, a.r0, v);
  if (title) return { reason: title };
  const labelHeader = a.c0 >= 0 ? headerCells(sheet, a) : [];
  const labelPath = labelHeader.map((h) => squash(h.text));
  // The header over the label that reaches further right (本年收入 over 项目 | 预算数) holds the label's own cells.
  const group = [...labelHeader].reverse().find((h) => h.c1 > a.c1);
  const seen: string[] = [];
  const matches: SheetCell[] = [];
  for (let c = a.c1 + 1; c < sheet.cols; c++) {
    const cell = sheet.at(a.r0, c) ?? { r0: a.r0, r1: a.r0, c0: c, c1: c, text: '', bordered: false };
    if (cell.c0 !== c) continue;
    const path = pathOf(sheet, cell);
    // A table printed in two halves side by side: the second half's label column ends the row's cells.
    if (a.c0 >= 0 && isText(cell) && samePath(path, labelPath)) break;
    if (group && !covers(group, cell)) break;
    if (samePath(path, want)) matches.push(cell);
    else seen.push(path.join('/') || '(no header)');
  }
  return oneUnder(matches, seen, want, (c) => c.text);
}

/** Null when the value is printed where it is typed, else why not. */
export function checkSheetValue(sheets: Sheet[], v: GroundTruthValue): string | null {
  const sheet = sheets[v.page - 1];
  if (!sheet) return `sheet ${v.page} is not in the workbook (${sheets.length} sheets)`;
  if (v.field !== undefined || v.indicator !== undefined)
    return 'form fields and indicators are not read from workbooks by this check';
  const want = headerParts(v.column ?? '');
  if (!want.length) return 'no column given';
  const found = anchors(sheet, v);
  if (typeof found === 'string') return found;
  const where = [v.code, v.row].filter(Boolean).join(' ') || '(single line)';
  const reasons: string[] = [];
  const read: { printed: string; cell: SheetCell }[] = [];
  for (const a of found) {
    const r = readRow(sheet, v, a, want);
    if ('reason' in r) reasons.push(r.reason);
    else read.push(r);
  }
  if (!read.length) return `${where}: ${[...new Set(reasons)].join('; ')}`;
  if (read.length > 1) {
    return `${where}: printed on ${read.length} rows with a cell under "${want.join('/')}" (${read.map((r) => r.printed || 'blank').join(', ')}): type its code or the labels left of it (group/label)`;
  }
  const { printed, cell } = read[0]!;
  if (!agrees(v.value, printed))
    return `${where}: the cell under "${want.join('/')}" prints ${squash(printed) === '' ? 'nothing' : `"${printed}"`}`;
  if (v.side) {
    const side = sideOf(pathOf(sheet, cell));
    if (side && side !== v.side) return `${where}: the value stands in the ${side} half of the table, not ${v.side}`;
  }
  return null;
}

/** A listed table: its title printed in its sheet (as a title naming its type and scope), with its unit under it. */
export function checkSheetTable(sheets: Sheet[], t: GroundTruthTable): string | null {
  const sheet = sheets[t.page - 1];
  if (!sheet) return `sheet ${t.page} is not in the workbook (${sheets.length} sheets)`;
  const type = titleType(t.title)?.type ?? 'no known type';
  if (type !== t.tableType) return `title "${t.title}" names ${type}, not ${t.tableType}`;
  const title = sheetTitles(sheet).find((p) => p.text.includes(squash(t.title)) && p.type === t.tableType);
  if (!title) return `title "${t.title}" not printed on sheet ${t.page} ("${sheet.name}")`;
  if (t.scope && scopeOf(squash(t.title)) !== t.scope)
    return `title "${t.title}" names the ${scopeOf(squash(t.title)) ?? 'no'} scope, not ${t.scope}`;
  if (t.unit && title.unit !== t.unit)
    return `unit ${t.unit} not printed under the title on sheet ${t.page} (prints ${title.unit ?? 'none'})`;
  return null;
}

/** Tables a workbook prints: titles with a 单位 line under them (for a file that lists none). */
export function printedSheetTables(sheets: Sheet[]): { page: number; title: string; type: string }[] {
  return sheets.flatMap((s) =>
    sheetTitles(s)
      .filter((t) => t.unit)
      .map((t) => ({ page: s.index, title: t.text, type: t.type })),
  );
}

export function checkWorkbook(
  gt: GroundTruthFile,
  file: string,
): { values: ValueVerdict[]; tables: TableVerdict[]; sheets: Sheet[] } {
  const sheets = readWorkbook(file);
  const values = gt.values.map((v, index): ValueVerdict => {
    const reason = checkSheetValue(sheets, v);
    return reason ? { index, ok: false, reason } : { index, ok: true };
  });
  const tables = gt.tables.map((t, index): TableVerdict => {
    const reason = checkSheetTable(sheets, t);
    return reason ? { index, ok: false, reason } : { index, ok: true };
  });
  return { values, tables, sheets };
}
