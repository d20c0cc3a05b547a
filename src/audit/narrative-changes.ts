import type { Sentence } from '../recognise/narrative/sentences.js';
import {
  type Figure,
  type Range,
  centre,
  difference,
  inUnit,
  magnitude,
  overlaps,
  percentFigure,
  percentRange,
  rangeOf,
} from './figures.js';
import { A, amt, arithmeticRules, type Emit, P, show, UP, unitOf } from './narrative-words.js';

/**
 * Stated changes against last year (docs/domain.md §5: 增加/减少 X万元, 增长/下降 Y%): the figures of the same
 * sentence, or the current figure the sentence before states for the same subject.
 */
const LAST_YEAR = String.raw`(?:上年|上一年|去年|(?:19|20)\d{2}年度?)(?:同期)?(?:决算数?|预算数?|执行数?)?`;
/** 总收入533.64万元，较上年419.34万元增加114.3万元(，增长27.26%) */
const CHANGE_NAMED = new RegExp(
  `${A},?(?:较|比)${LAST_YEAR}${A}(?:相比)?,?(增加|减少|增长|下降)了?${A}(?:,(增长|下降)${P})?`,
  'g',
);
/** 与上年416.57万元相比，财政拨款支出增加115.27万元，增长21.67% */
const CHANGE_BASE = new RegExp(
  `(?:与|同)${LAST_YEAR}${A}相比,[^,;。%]{0,24}?(增加|减少|增长|下降)了?${A},?(增长|下降)${P}`,
  'g',
);
/** 机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40% (or 与上年相比增加) */
const CHANGE_FROM_CURRENT = new RegExp(
  `${A},?(?:(?:较|比)${LAST_YEAR}|(?:与|同)${LAST_YEAR}相比,?)(增加|减少)了?${A},?(增长|下降)${P}`,
  'g',
);
/** 与2023年度相比，收入支出总计减少56.95万元，下降1.87% (the total stated in the sentence before) */
const CHANGE_OF_SUBJECT = new RegExp(
  `(?:与|同)${LAST_YEAR}相比,([^,;。%\\d]{2,24}?)(增加|减少)了?${A},?(增长|下降)${P}`,
  'g',
);
/** Direction, amount and rate of a change between a current figure and last year's (either may be implied). */
function checkChange(
  s: Sentence,
  emit: Emit,
  needle: string,
  change: { word: string; amount: Figure; rateWord?: string | undefined; rate?: Figure | undefined },
  current?: Figure,
  base?: Figure,
): void {
  const up = UP.test(change.word);
  const x = rangeOf(change.amount);
  const unit = unitOf(change.amount);
  let baseRange: Range | undefined = base && rangeOf(base);
  if (current && base) {
    const d = current.value - base.value;
    if (d !== 0 && up !== d > 0) {
      emit(
        arithmeticRules.changeDirection,
        s,
        needle,
        `says ${change.word} but ${current.printed} against last year's ${base.printed} is a${d > 0 ? ' rise' : ' fall'}`,
        d > 0 ? '增加' : '减少',
        change.word,
      );
      return;
    }
    if (!overlaps(magnitude(difference(rangeOf(current), rangeOf(base))), x)) {
      emit(
        arithmeticRules.changeAmount,
        s,
        needle,
        `states ${change.word}${change.amount.printed} but ${current.printed} − ${base.printed} = ${show(Math.abs(d), unit)}`,
        inUnit(Math.abs(d), unit),
        inUnit(change.amount.value, unit),
      );
      return;
    }
  }
  if (!baseRange && current) {
    const c = rangeOf(current);
    baseRange = up ? difference(c, x) : { lo: c.lo + x.lo, hi: c.hi + x.hi };
  }
  if (!change.rate || !baseRange) return;
  const r = percentRange(x, baseRange);
  if (!r || overlaps(r, rangeOf(change.rate))) return;
  emit(
    arithmeticRules.growth,
    s,
    `${change.rateWord ?? ''}${change.rate.printed}`,
    `states ${change.rateWord ?? ''}${change.rate.printed} but ${change.amount.printed} over a base of ${show(centre(baseRange, 6), unit)} is ${centre(r)}%`,
    centre(r),
    change.rate.value,
  );
}

export function changes(s: Sentence, previous: Sentence | undefined, emit: Emit): void {
  for (const m of s.text.matchAll(CHANGE_NAMED))
    checkChange(
      s,
      emit,
      m[0],
      { word: m[5]!, amount: amt(m, 6), rateWord: m[8], rate: m[9] ? percentFigure(m[9], 0) : undefined },
      amt(m, 1),
      amt(m, 3),
    );
  for (const m of s.text.matchAll(CHANGE_BASE))
    checkChange(
      s,
      emit,
      m[0],
      { word: m[3]!, amount: amt(m, 4), rateWord: m[6], rate: percentFigure(m[7]!, 0) },
      undefined,
      amt(m, 1),
    );
  for (const m of s.text.matchAll(CHANGE_FROM_CURRENT))
    checkChange(
      s,
      emit,
      m[0],
      { word: m[3]!, amount: amt(m, 4), rateWord: m[6], rate: percentFigure(m[7]!, 0) },
      amt(m, 1),
    );
  for (const m of s.text.matchAll(CHANGE_OF_SUBJECT)) {
    const label = m[1]!;
    const stated = new RegExp(`${label.replace(/[()]/g, '\\$&')}(?:为|是)?${A}`, 'g');
    const own = [...s.text.slice(0, m.index).matchAll(stated)].at(-1);
    const before = own ?? (previous ? [...previous.text.matchAll(stated)].at(-1) : undefined);
    if (!before) continue;
    checkChange(
      s,
      emit,
      m[0],
      { word: m[2]!, amount: amt(m, 3), rateWord: m[5], rate: percentFigure(m[6]!, 0) },
      amt(before, 1),
    );
  }
}
