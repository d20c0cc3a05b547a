import type { Sentence } from '../recognise/narrative/sentences.js';
import { AMOUNT, type Figure, PERCENT, amountFigure, inUnit } from './figures.js';
import type { Finding, Rule } from './types.js';

/**
 * What the narrative says about its own figures (docs/domain.md §5): stated changes (增加/减少 X万元), rates
 * (增长/下降 Y%, 完成预算的 Z%, 占 W%) and comparison words (大于/小于/持平) between 预算数 and 决算数, each checked
 * against the figures the same sentence names, or the sentence just before it names for the same subject. A
 * sentence that names no figure to compare with is left alone: nothing is guessed.
 */
export const arithmeticRules = {
  comparison: {
    id: 'narrative.comparison_word',
    severity: 'error',
    description: 'a comparison word (大于 / 小于 / 持平) says otherwise than the 预算数 and 决算数 the text names',
  },
  changeAmount: {
    id: 'narrative.change_mismatch',
    severity: 'error',
    description: 'a stated change (增加 / 减少 X万元) is not the difference of the figures the text names',
  },
  changeDirection: {
    id: 'narrative.change_direction',
    severity: 'error',
    description: 'a stated change says 增加 where the figures fell, or 减少 where they rose',
  },
  growth: {
    id: 'narrative.growth_rate_mismatch',
    severity: 'error',
    description: 'a stated 增长 / 下降 Y% does not follow from the change and the base the text names',
  },
  completion: {
    id: 'narrative.completion_rate_mismatch',
    severity: 'error',
    description: 'a stated 完成预算的 Z% is not 决算数 / 预算数 of the figures the text names',
  },
  share: {
    id: 'narrative.share_mismatch',
    severity: 'error',
    description: 'a stated share (占 W%) is not the part over the whole the text names',
  },
} satisfies Record<string, Rule>;

export const A = AMOUNT;
export const P = PERCENT;
const BUDGET = '(?:全年|年初|调整)?预算(?:数)?(?:安排)?(?:为|是|:)?';
const FINAL = '(?:支出)?(?:决算|执行)(?:数)?(?:为|是|:)?';
/** 预算为B万元，支出决算为F万元 */
export const PAIR = `${BUDGET}${A}[,;]?[^,;。%\\d]{0,10}?${FINAL}${A}`;
export const UP = /增加|增长|大于|高于|超过|超出|多于|超支/;

export type Emit = (
  rule: Rule,
  s: Sentence,
  needle: string,
  message: string,
  expected: Finding['expected'],
  actual: Finding['actual'],
) => void;

export const amt = (m: RegExpMatchArray, i: number) => amountFigure(m[i]!, m[i + 1]!, m.index ?? 0);
export const unitOf = (f: Figure) => f.printed.replace(/^[\d,.]+/, '');
export const show = (yuan: number, unit: string) => `${inUnit(yuan, unit)}${unit}`;
