import { BY_HEADER_RANK, BY_TITLE_RANK } from './specs.js';
import { squash } from './text.js';
import type { AmountFamily } from './families/index.js';
import type { AmountKind } from './families/types.js';

export type { AmountFamily, AmountKind };

/**
 * The family a printed title names: each family's title rule (families/*.ts, with the regions' spellings) tried
 * by rank, the most specific first ('一般公共预算财政拨款支出决算表' before 支出决算表, '财政拨款收入支出决算总表'
 * before 收入支出决算总表).
 */
export function familyOfTitle(title: string): AmountFamily | null {
  const t = squash(title);
  if (!/表/.test(t)) return null;
  for (const spec of BY_TITLE_RANK) if (spec.titles.some((re) => re.test(t))) return spec.family;
  return null;
}

/** Header words ('|'-joined header texts) to family, for tables printed with no usable title or label. */
export function familyOfHeader(words: string): AmountFamily | null {
  for (const spec of BY_HEADER_RANK) {
    const rule = spec.header!;
    if (rule.all.every((re) => re.test(words)) && !(rule.none ?? []).some((re) => re.test(words))) return spec.family;
  }
  return null;
}

/** Families whose header decides even over a title (the 三公 table, the empty-table index). */
export function headerOutranksTitle(family: AmountFamily): boolean {
  return BY_HEADER_RANK.some((s) => s.family === family && s.header!.outranksTitle);
}

export function kindOfText(text: string): AmountKind | null {
  const t = squash(text);
  if (/决算/.test(t)) return 'final';
  if (/预算/.test(t)) return 'budget';
  return null;
}
