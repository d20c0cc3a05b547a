import type { BBox } from '../model/document.js';
import { familyOfTitle } from '../recognise/amount/title.js';
import { squash } from '../recognise/amount/text.js';
import type { AmountFamily } from '../recognise/amount/title-rules.js';
import { printedLines } from './text.js';
import type { AuditContext } from './types.js';

/** A table the document says it publishes: a line of its 目录, or a line of the empty-table index (seed 001). */
export interface ListedTable {
  family: AmountFamily;
  /** As printed, its ordinal, dotted leader and page number cut off. */
  title: string;
  page: number;
  bbox: BBox | null;
  source: '目录' | 'index';
  /** The index's 是否空表 and 表格为空的理由, where it prints them. */
  isEmpty?: boolean | null;
  reason?: string | null;
}

/** '一、', '1.', '（三）', '表6 ' before a title; '……… 12' after it. */
const ORDINAL =
  /^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]|附?表\s*\d{1,2}\s*)\s*/;
const LEADER = /\s*[.…·・—\-_]{2,}.*$|\s+\d{1,3}$/;

export const cleanTitle = (text: string) => text.trim().replace(ORDINAL, '').replace(LEADER, '').trim();

/** The 目录's table lines: the lines after a 目录 heading on the first pages that name a table family. */
function tocLines(ctx: AuditContext): ListedTable[] {
  const lines = printedLines(ctx.document).filter((l) => l.page <= 4);
  const start = lines.findIndex((l) => /^目\s*录$/.test(l.text.trim()));
  if (start < 0) return [];
  const page = lines[start]!.page;
  const out: ListedTable[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.page > page + 1) break;
    const title = cleanTitle(l.text);
    const family = familyOfTitle(title);
    if (family && family !== 'empty_index') out.push({ family, title, page: l.page, bbox: l.bbox, source: '目录' });
  }
  return out;
}

interface IndexEntry {
  title: string;
  isEmpty: boolean | null;
  reason: string | null;
  provenance: { page: number; bbox?: BBox };
}

function indexLines(ctx: AuditContext): ListedTable[] {
  const out: ListedTable[] = [];
  for (const r of ctx.records) {
    if (!r.tableType.endsWith('.empty_index')) continue;
    for (const e of (r.entries ?? []) as IndexEntry[]) {
      const family = familyOfTitle(e.title);
      if (!family) continue;
      out.push({
        family,
        title: e.title,
        page: e.provenance.page,
        bbox: e.provenance.bbox ?? null,
        source: 'index',
        isEmpty: e.isEmpty,
        reason: e.reason,
      });
    }
  }
  return out;
}

/** The tables the document lists, in its order: the 目录 where it has one, else its empty-table index. */
export function listedTables(ctx: AuditContext): ListedTable[] {
  const toc = tocLines(ctx);
  return toc.length >= 3 ? toc : indexLines(ctx);
}

/** The index line of a family, for the reason an empty table gives there. */
export const indexEntry = (ctx: AuditContext, family: string) => indexLines(ctx).find((l) => l.family === family);

/** A title printed anywhere outside the 目录 (a table the recognisers did not claim still prints its title). */
export function printedElsewhere(ctx: AuditContext, listed: ListedTable): boolean {
  const want = squash(listed.title);
  if (want.length < 4) return false;
  const lines = printedLines(ctx.document).filter((l) => !(l.page === listed.page && listed.source === '目录'));
  if (lines.some((l) => squash(l.text).includes(want))) return true;
  return ctx.document.tables.some((t) => t.context.some((c) => squash(c).includes(want)));
}
