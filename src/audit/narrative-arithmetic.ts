import type { Sentence } from '../recognise/narrative/sentences.js';
import {
  type Figure,
  centre,
  difference,
  inUnit,
  magnitude,
  overlaps,
  percentFigure,
  percentRange,
  rangeOf,
} from './figures.js';
import { placeOf } from './locate.js';
import { changes } from './narrative-changes.js';
import { A, amt, arithmeticRules, type Emit, P, PAIR, show, UP, unitOf } from './narrative-words.js';
import { fullSentences } from './text.js';
import type { AuditContext, Finding } from './types.js';

export { arithmeticRules };

/*
 * Rates (完成预算的 Z%, 占 W%) and comparison words between 预算数 and 决算数, on the full sentences of the narrative;
 * the changes against last year are narrative-changes.ts. The rules and the words they read: narrative-words.ts.
 */

const RATE = new RegExp(`${PAIR},?完成(?:了)?(?:全年|年初|调整)?预算(?:数)?的?${P}`, 'g');
const COMPARISON = new RegExp(
  `决算(?:数)?(?:(大于|小于|高于|低于|超过|超出|多于|少于|等于)(?:年初|调整)?预算(?:数)?|与(?:年初|调整)?预算(?:数)?(基本)?(持平|一致|相等|相同|相当)|(?:较|比)(?:年初|调整)?预算(?:数)?(增加|减少|节约|超支|增长|下降)了?(?:${A})?)`,
  'g',
);
const WHOLE_MARK = /(其中|主要用于以下方面|主要包括|包括):?/g;
const SHARE = new RegExp(`${A},?占(?:比)?(?:为)?${P}`, 'g');

function completionRates(s: Sentence, emit: Emit): void {
  for (const m of s.text.matchAll(RATE)) {
    const budget = amt(m, 1);
    const final = amt(m, 3);
    const rate = percentFigure(m[5]!, 0);
    const r = percentRange(rangeOf(final), rangeOf(budget));
    if (!r || overlaps(r, rangeOf(rate))) continue;
    emit(
      arithmeticRules.completion,
      s,
      `完成`,
      `完成预算的${rate.printed}, but 决算 ${final.printed} / 预算 ${budget.printed} is ${centre(r)}%`,
      centre(r),
      rate.value,
    );
  }
}

/** The 预算 / 决算 pair a comparison is about: the last pair before it in its sentence, or ending the sentence before. */
function pairFor(
  s: Sentence,
  at: number,
  previous: Sentence | undefined,
): { budget: Figure; final: Figure } | undefined {
  const pairs = [...s.text.matchAll(new RegExp(PAIR, 'g'))].filter((m) => m.index + m[0].length <= at);
  const last = pairs.at(-1);
  const between = (text: string, from: number, to: number) => new RegExp(A).test(text.slice(from, to));
  if (last)
    return between(s.text, last.index + last[0].length, at) ? undefined : { budget: amt(last, 1), final: amt(last, 3) };
  if (!previous || between(s.text, 0, at)) return undefined;
  const before = [...previous.text.matchAll(new RegExp(PAIR, 'g'))].at(-1);
  if (!before || between(previous.text, before.index + before[0].length, previous.text.length)) return undefined;
  return { budget: amt(before, 1), final: amt(before, 3) };
}

function comparisons(s: Sentence, previous: Sentence | undefined, emit: Emit): void {
  for (const m of s.text.matchAll(COMPARISON)) {
    const pair = pairFor(s, m.index, previous);
    if (!pair) continue;
    const { budget, final } = pair;
    const word = m[1] ?? m[3] ?? m[4]!;
    const unit = unitOf(final);
    const diff = final.value - budget.value;
    const facts = `决算 ${final.printed}, 预算 ${budget.printed}`;
    if (m[3]) {
      const close = overlaps(rangeOf(final), rangeOf(budget));
      const roughly = m[2] && Math.abs(diff) <= 0.05 * Math.abs(budget.value);
      if (!close && !roughly)
        emit(
          arithmeticRules.comparison,
          s,
          m[0],
          `「${m[0]}」 but ${facts}`,
          word === '持平' ? '不持平' : '不等',
          word,
        );
      continue;
    }
    const up = UP.test(word);
    const wrong = word === '等于' ? !overlaps(rangeOf(final), rangeOf(budget)) : up ? diff <= 0 : diff >= 0;
    if (wrong) {
      const truth = diff > 0 ? '大于' : diff < 0 ? '小于' : '等于';
      emit(arithmeticRules.comparison, s, m[0], `「${m[0]}」 but ${facts}: 决算数${truth}预算数`, truth, word);
      continue;
    }
    if (m[5]) {
      const stated = amt(m, 5);
      if (!overlaps(magnitude(difference(rangeOf(final), rangeOf(budget))), rangeOf(stated)))
        emit(
          arithmeticRules.changeAmount,
          s,
          m[0],
          `「${m[0]}」 but ${facts} differ by ${show(Math.abs(diff), unit)}`,
          inUnit(Math.abs(diff), unitOf(stated)),
          inUnit(stated.value, unitOf(stated)),
        );
    }
  }
}

function shares(s: Sentence, emit: Emit): void {
  const marks = [...s.text.matchAll(WHOLE_MARK)];
  marks.forEach((mark, i) => {
    const head = s.text.slice(0, mark.index);
    const whole = [...head.matchAll(new RegExp(`${A},?$`, 'g'))].at(-1);
    if (!whole) return;
    const w = amt(whole, 1);
    const end = marks[i + 1]?.index ?? s.text.length;
    const body = s.text.slice(mark.index, end);
    for (const m of body.matchAll(SHARE)) {
      const part = amt(m, 1);
      const share = percentFigure(m[3]!, 0);
      const r = percentRange(rangeOf(part), rangeOf(w));
      if (!r || overlaps(r, rangeOf(share))) continue;
      emit(
        arithmeticRules.share,
        s,
        m[0],
        `${part.printed} is stated as 占${share.printed} of ${w.printed}, which is ${centre(r)}%`,
        centre(r),
        share.value,
      );
    }
  });
}

export function arithmeticFindings(ctx: AuditContext): Finding[] {
  const out: Finding[] = [];
  const emit: Emit = (rule, s, needle, message, expected, actual) => {
    const at = ctx.locate.find(needle, { context: s.text }) ?? placeOf(s.prov);
    out.push({ rule: rule.id, severity: rule.severity, message, ...at, text: s.text, expected, actual });
  };
  const sentences = fullSentences(ctx.document);
  sentences.forEach((s, i) => {
    const previous = i > 0 ? sentences[i - 1] : undefined;
    completionRates(s, emit);
    comparisons(s, previous, emit);
    changes(s, previous, emit);
    shares(s, emit);
  });
  return out;
}
