/**
 * Positional reasoning over word boxes: which words share a text line, which words spell a label (on one line or
 * wrapped over several lines of one cell), and which header words stand above a value.
 */
import type { PageWords, Word } from './pdf-words.js';
import { isValueWord, squash } from './text.js';

const cy = (w: Word): number => (w.y0 + w.y1) / 2;

/**
 * Same text line: the centre of the shorter box lies inside the taller one. Fonts of one PDF report very different
 * box heights (ONLYOFFICE: 3 pt for CJK, 22 pt for digits of the same row), so box overlap alone would join rows.
 */
export function sameLine(a: Word, b: Word): boolean {
  const [lo, hi] = a.y1 - a.y0 <= b.y1 - b.y0 ? [a, b] : [b, a];
  const c = cy(lo);
  return c >= hi.y0 && c <= hi.y1;
}

/** Vertical distance of two words' centres: picks the nearest among several words that pass sameLine. */
export const lineDistance = (a: Word, b: Word): number => Math.abs(cy(a) - cy(b));

export const xOverlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }): number =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/** The next word to the right on the same line, within `maxGap` points. */
function nextRight(words: PageWords, w: Word, maxGap: number): Word | undefined {
  let best: Word | undefined;
  for (const o of words) {
    if (o === w || !sameLine(w, o) || o.x0 < w.x1 - 1 || o.x0 - w.x1 > maxGap) continue;
    if (!best || o.x0 < best.x0) best = o;
  }
  return best;
}

/** The first word of the next line of the same cell: below `line`, starting inside its horizontal span. */
function nextLineStart(words: PageWords, line: Word[], maxDrop: number): Word | undefined {
  const first = line[0]!;
  const last = line[line.length - 1]!;
  let best: Word | undefined;
  for (const o of words) {
    if (cy(o) <= cy(first) || sameLine(first, o) || o.y0 - first.y1 > maxDrop) continue;
    // Centred header cells wrap to lines that start left of the first one (附属单 / 位上 / 缴收入): overlap suffices.
    if (xOverlap(o, { x0: first.x0, x1: last.x1 }) <= 0) continue;
    if (!best || cy(o) < cy(best) || (cy(o) === cy(best) && o.x0 < best.x0)) best = o;
  }
  return best;
}

/** A label found on the page: its printed lines (each a list of words, left to right). */
export interface LabelMatch {
  lines: Word[][];
}

/**
 * Where `label` is printed: sequences of same-line words spelling it, possibly continued on the following lines of
 * the same cell (a wrapped 科目名称). `maxGap` bounds the gap between words of one line.
 */
export function findLabel(words: PageWords, label: string, maxGap = 40, maxDrop = 24): LabelMatch[] {
  const want = squash(label);
  if (!want) return [];
  const out: LabelMatch[] = [];
  const extend = (lines: Word[][], text: string): void => {
    const line = lines[lines.length - 1]!;
    const next = nextRight(words, line[line.length - 1]!, maxGap);
    if (next) {
      const t = text + squash(next.text);
      if (t === want) out.push({ lines: [...lines.slice(0, -1), [...line, next]] });
      else if (want.startsWith(t)) extend([...lines.slice(0, -1), [...line, next]], t);
    }
    const below = nextLineStart(words, line, maxDrop);
    if (below) {
      const t = text + squash(below.text);
      if (t === want) out.push({ lines: [...lines, [below]] });
      else if (want.startsWith(t)) extend([...lines, [below]], t);
    }
  };
  for (const w of words) {
    const t = squash(w.text);
    if (!t || !want.startsWith(t)) continue;
    if (t === want) out.push({ lines: [[w]] });
    else extend([[w]], t);
  }
  return out;
}

/** Where a code is printed: digit words of one line that spell it (`201 06 01` in the 类/款/项 columns). */
export function findCode(words: PageWords, code: string): Word[][] {
  const want = squash(code);
  const out: Word[][] = [];
  const digits = words.filter((w) => /^\d+$/.test(squash(w.text)));
  const extend = (seq: Word[], text: string): void => {
    const last = seq[seq.length - 1]!;
    for (const o of digits) {
      if (o === last || !sameLine(last, o) || o.x0 < last.x1 - 1 || o.x0 - last.x1 > 80) continue;
      // Only the nearest digit word to the right continues the code.
      if (digits.some((p) => p !== o && p !== last && sameLine(last, p) && p.x0 >= last.x1 - 1 && p.x0 < o.x0))
        continue;
      const t = text + squash(o.text);
      if (t === want) out.push([...seq, o]);
      else if (want.startsWith(t)) extend([...seq, o], t);
    }
  };
  for (const w of digits) {
    const t = squash(w.text);
    if (t === want) out.push([w]);
    else if (want.startsWith(t)) extend([w], t);
  }
  return out;
}

/** Words of a page that can be header text: not values, not the unit or 编制部门 line. */
export function headerWords(words: PageWords): Word[] {
  return words.filter((w) => !isValueWord(w.text) && !/^(金额)?单位[:：]|^编制(部门|单位)[:：]/.test(squash(w.text)));
}

/**
 * The squashed text of the header band over a horizontal span: header words overlapping the span, between `top`
 * (below the table's title) and `bottom`, read top to bottom, left to right.
 */
export function headerBand(words: Word[], span: { x0: number; x1: number }, top: number, bottom: number): string {
  return words
    .filter((w) => cy(w) > top && cy(w) < bottom && xOverlap(w, span) > 0.5)
    .sort((a, b) => cy(a) - cy(b) || a.x0 - b.x0)
    .map((w) => squash(w.text))
    .join('');
}

export { cy };
