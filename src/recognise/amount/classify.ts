import type { Table } from '../../model/document.js';
import type { RecogniseContext } from '../types.js';
import { type HeaderInfo, analyseHeader, headerWords } from './header-match.js';
import {
  type AmountFamily,
  type AmountKind,
  familyOfHeader,
  familyOfTitle,
  headerOutranksTitle,
  kindOfText,
} from './title-rules.js';
import { titleAround } from './title.js';
import { headerFit } from './header-fit.js';
import { FAMILY_SPECS } from './specs.js';

export type { AmountFamily, AmountKind } from './title-rules.js';
export { familyOfTitle, kindOfText } from './title-rules.js';
export { findTitle } from './title.js';

export interface Classification {
  family: AmountFamily;
  kind: AmountKind;
  /** 0..1: title 0.9, continuation 0.85, 公开NN表 label 0.7, header words 0.4. */
  score: number;
  /** The printed title, '' when none was found. */
  title: string;
  /** 公开NN表 / 公开表N as printed, if any. */
  label: string | null;
  /** Lines of the page beyond the table's context where its title was found (nearest last); unit and department are read there too. */
  linesAround: string[];
}

/** 决算 公开NN表 numbering (docs/domain.md §3.1, each family's `finalLabel`); 预算 numbering differs by region and year, so it is not used. */
const FINAL_LABELS = new Map(
  Object.values(FAMILY_SPECS).flatMap((s) => (s.finalLabel !== undefined ? [[s.finalLabel, s.family] as const] : [])),
);

function familyOfLabel(label: string | null, kind: AmountKind | null): AmountFamily | null {
  if (!label || kind !== 'final') return null;
  const n = /公开(\d{1,2})表/.exec(label);
  return n ? (FINAL_LABELS.get(Number(n[1])) ?? null) : null;
}

const cache = new WeakMap<Table, Classification | null>();

/** Type a grid from its title, label, header words and (failing those) the table before it. */
export function classifyAmountTable(table: Table, ctx: RecogniseContext): Classification | null {
  if (cache.has(table)) return cache.get(table)!;
  const result = classify(table, ctx);
  cache.set(table, result);
  return result;
}

function classify(table: Table, ctx: RecogniseContext): Classification | null {
  // A one-column grid is a text box (编制说明, 名词解释), never an amount table.
  if (table.nCols < 2) return null;
  const info = analyseHeader(table);
  const found = typeTable(table, ctx, info);
  // Words in the cells never make a budget table: its header must fit the family's columns (issue 11).
  if (!found || !headerFit(FAMILY_SPECS[found.family], info, table).fits) return null;
  return found;
}

function typeTable(table: Table, ctx: RecogniseContext, info: HeaderInfo): Classification | null {
  const words = headerWords(info);
  const { title, label, linesAround } = titleAround(table, ctx, info);
  const metaKind = ctx.meta.kind === 'final' || ctx.meta.kind === 'budget' ? ctx.meta.kind : null;
  const kind = kindOfText(title) ?? (/决算数/.test(words) ? 'final' : /预算数/.test(words) ? 'budget' : metaKind);
  if (!kind) return null;
  const header = familyOfHeader(words);
  // The header outranks a title fragment ('及会议费、培训费支出决算表' when the first title line was lost).
  if (header && headerOutranksTitle(header)) return { family: header, kind, score: 0.9, title, label, linesAround };
  const byTitle = /^(及|和|与|、)/.test(title) ? null : familyOfTitle(title);
  if (byTitle) return { family: byTitle, kind, score: 0.9, title, label, linesAround };
  const byLabel = familyOfLabel(label, kind);
  if (byLabel) return { family: byLabel, kind, score: 0.7, title, label, linesAround };
  const prev = continuationOf(table, ctx, words);
  if (prev) return { ...prev, score: 0.85, label: label ?? prev.label, linesAround: [] };
  return header ? { family: header, kind, score: 0.4, title, label, linesAround } : null;
}

/** A table whose title sits on the previous page: same header as the table before it. */
function continuationOf(table: Table, ctx: RecogniseContext, words: string): Classification | null {
  const i = ctx.doc.tables.indexOf(table);
  const before = i > 0 ? ctx.doc.tables[i - 1] : undefined;
  if (!before || words === '') return null;
  if (headerWords(analyseHeader(before)) !== words) return null;
  return classifyAmountTable(before, { ...ctx, tableIndex: i - 1 });
}
