import type { Cell, Issue, Table } from '../model/document.js';
import { issue } from '../model/build.js';
import type { Recogniser, RecogniseContext } from './types.js';
import { compact } from './values.js';

/**
 * Tables printed in parts (docs/domain.md §2: "Tables across pages repeat their title and header"; seed
 * 001 prints 公开04表 twice) are joined before recognition, so each printed table is one record and
 * the identities that span its parts (收入总计 = 支出总计) are evaluated. Generic over table types:
 * a recogniser says where a table's header ends (`headerRows`); one that does not is never joined.
 */

/** A table of the document after joining, with the ids of the parts it was built from. */
export interface JoinedTable {
  table: Table;
  /** Ids of the joined parts in printed order; one id when nothing was joined. */
  parts: string[];
  issues: Issue[];
}

/** Lines that start a new part of the document (第三部分 情况说明, 附件2), never a continuation. */
const DOCUMENT_HEADING = /^(第[一二三四五六七八九十\d]+部分|附件\s*\d*|[一二三四五六七八九十]+、)/;
/** A title or 公开NN表 label printed above a table. */
const TITLE_LINE = /表([(（][^)）]*[)）])?$|公开\d{1,2}表|公开表[一二三四五六七八九十]+|^表[一二三四五六七八九十\d]+$/;

const key = (s: string) => compact(s).replace(/（/g, '(').replace(/）/g, ')');

function titleLines(table: Table): Set<string> {
  const lines = [...table.context, ...(table.caption ? [table.caption] : [])].map(key);
  return new Set(lines.filter((l) => TITLE_LINE.test(l)));
}

/** One printed row as a comparable string: each cell that starts on it, with its column and span. */
function rowKeys(table: Table): string[] {
  const rows: string[][] = Array.from({ length: table.nRows }, () => []);
  for (const c of [...table.cells].sort((a, b) => a.col - b.col))
    rows[c.row]?.push(`${c.col}+${c.colSpan}:${key(c.text)}`);
  return rows.map((r) => r.join('|'));
}

/**
 * Whether `next` continues `prev` (both already typed alike): its titles repeat prev's or it has
 * none, no new document part starts above it, and its header rows repeat the last rows of prev's
 * header (a repeated 一级指标 row under a form's head counts) or it has no header at all.
 */
export function continues(prev: Table, prevHeader: number | null, next: Table, nextHeader: number | null): boolean {
  if (prevHeader === null || nextHeader === null || prev.nCols !== next.nCols) return false;
  const before = new Set([...prev.context, prev.caption ?? ''].map(key));
  if ([...next.context, next.caption ?? ''].some((l) => !before.has(key(l)) && DOCUMENT_HEADING.test(key(l))))
    return false;
  const prevTitles = titleLines(prev);
  if ([...titleLines(next)].some((t) => !prevTitles.has(t))) return false;
  if (nextHeader === 0) return true;
  if (nextHeader > prevHeader) return false;
  const a = rowKeys(prev).slice(prevHeader - nextHeader, prevHeader);
  const b = rowKeys(next).slice(0, nextHeader);
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** prev with next's body rows appended below it; every cell keeps its own provenance. */
export function appendBody(prev: Table, next: Table, nextHeader: number): Table {
  const shift = prev.nRows - nextHeader;
  const body: Cell[] = next.cells.filter((c) => c.row >= nextHeader).map((c) => ({ ...c, row: c.row + shift }));
  const pages = [...new Set([...(prev.pages ?? [prev.prov.page]), ...(next.pages ?? [next.prov.page])])];
  const joined: Table = {
    ...prev,
    cells: [...prev.cells, ...body],
    nRows: prev.nRows + next.nRows - nextHeader,
    pages,
  };
  if (next.after) joined.after = next.after;
  else delete joined.after;
  return joined;
}

/**
 * Joins every run of consecutive tables that `pick` types alike and that continue each other.
 * `pick` is the registry's choice of recogniser for a table of the original document.
 */
export function joinContinuations(
  tables: Table[],
  pick: (table: Table, index: number) => Recogniser | undefined,
  ctxOf: (index: number) => RecogniseContext,
): JoinedTable[] {
  const out: Array<JoinedTable & { recogniser?: Recogniser | undefined; header: number | null }> = [];
  tables.forEach((table, i) => {
    const recogniser = pick(table, i);
    const header = recogniser?.headerRows?.(table, ctxOf(i)) ?? null;
    const last = out.at(-1);
    if (last && recogniser && last.recogniser === recogniser && continues(last.table, last.header, table, header)) {
      last.table = appendBody(last.table, table, header!);
      last.parts.push(table.id);
      last.issues = [
        issue(
          'warning',
          'recognise.joined_continuation',
          `tables ${last.parts.join(' + ')} are one ${recogniser.tableType} printed in ${last.parts.length} parts; joined`,
          table.prov,
        ),
      ];
      return;
    }
    out.push({ table, parts: [table.id], issues: [], recogniser, header });
  });
  return out.map(({ table, parts, issues }) => ({ table, parts, issues }));
}
