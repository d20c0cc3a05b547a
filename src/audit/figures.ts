/**
 * Printed figures as intervals. A figure printed to two decimals stands for anything within half a unit of its
 * last digit (docs/domain.md §2, 尾差), and a narrative drops trailing zeros ('114.3万元' for 114.30): a figure the
 * sentence states is wrong only when no value it can stand for makes the arithmetic hold.
 */
export interface Figure {
  /** As printed: '531.84万元', '21.67%'. */
  printed: string;
  value: number;
  /** Half a unit of the last printed digit, in the figure's own scale. */
  half: number;
  /** Where it starts in the sentence. */
  index: number;
}

const TO_YUAN: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 元: 1 };

/** An amount with its unit, as 元; a number with its unit group, e.g. ('1,449.50', '万元'). */
export const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)(亿元|万元|元)`;
export const PERCENT = String.raw`(\d+(?:\.\d+)?)%`;

function decimalsOf(num: string): number {
  return (num.replace(/,/g, '').split('.')[1] ?? '').length;
}

/** An amount (number text and unit) as 元, with its half-unit. */
export function amountFigure(num: string, unit: string, index: number): Figure {
  const plain = Number(num.replace(/,/g, ''));
  const scale = TO_YUAN[unit] ?? 1;
  return { printed: `${num}${unit}`, value: plain * scale, half: 0.5 * 10 ** -decimalsOf(num) * scale, index };
}

export function percentFigure(num: string, index: number): Figure {
  return { printed: `${num}%`, value: Number(num), half: 0.5 * 10 ** -decimalsOf(num), index };
}

export interface Range {
  lo: number;
  hi: number;
}

export const rangeOf = (f: Figure): Range => ({ lo: f.value - f.half, hi: f.value + f.half });

export const difference = (a: Range, b: Range): Range => ({ lo: a.lo - b.hi, hi: a.hi - b.lo });

/** |r|: from 0 where the range spans 0. */
export const magnitude = (r: Range): Range =>
  r.lo <= 0 && r.hi >= 0
    ? { lo: 0, hi: Math.max(-r.lo, r.hi) }
    : { lo: Math.min(Math.abs(r.lo), Math.abs(r.hi)), hi: Math.max(Math.abs(r.lo), Math.abs(r.hi)) };

/** a / b × 100 over every value the two printed figures stand for; undefined when b may be 0. */
export function percentRange(a: Range, b: Range): Range | undefined {
  if (b.lo <= 0) return undefined;
  const ends = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].map((v) => v * 100);
  return { lo: Math.min(...ends), hi: Math.max(...ends) };
}

/** Two ranges share a value (1e-9 for float noise). */
export const overlaps = (a: Range, b: Range) => a.lo <= b.hi + 1e-9 && b.lo <= a.hi + 1e-9;

/** The value a range is centred on, rounded for a finding's `expected`. */
export const centre = (r: Range, decimals = 2) => Math.round(((r.lo + r.hi) / 2) * 10 ** decimals) / 10 ** decimals;

/** 元 as the sentence's unit for a message: 万元 unless the sentence prints 元. */
export function inUnit(yuan: number, unit: string): number {
  return Math.round((yuan / (TO_YUAN[unit] ?? 1)) * 100) / 100;
}

export { TO_YUAN };
