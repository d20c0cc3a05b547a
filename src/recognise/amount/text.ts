import { normalise } from '../values.js';

const CJK = '\\u3400-\\u9fff\\u201c\\u201d\\u3001()';

/**
 * A printed label as one string: full-width forms normalised, and the spaces a layout puts between
 * Chinese characters dropped ('收    入' -> '收入', '因 公 出 国 （ 境 ） 费' -> '因公出国（境）费').
 */
export function cleanLabel(text: string): string {
  const t = normalise(text);
  return t.replace(new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g'), '');
}

/** Label with every space gone, for matching header and title words. */
export function squash(text: string): string {
  return normalise(text).replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

/**
 * A column-number row (栏次 / 1 2 3 ...) printed under the header: every non-blank cell is a small
 * integer or a 栏次/行次 word, and the integers rise.
 */
export function isColumnNumberRow(texts: string[]): boolean {
  const cells = texts.map(squash).filter((t) => t !== '');
  if (cells.length < 2) return false;
  const numbers: number[] = [];
  for (const c of cells) {
    if (/^(栏次|行次|栏号|序号)$/.test(c)) continue;
    if (!/^\d{1,2}$/.test(c)) return false;
    numbers.push(Number(c));
  }
  return numbers.length >= 2 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}

/** Chinese ordinal prefix of a summary line: '一、', '（二）', '1、', '2.' */
export function ordinalPrefix(label: string): 'top' | 'sub' | null {
  if (/^[一二三四五六七八九十]+[、.．]/.test(label)) return 'top';
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label) || /^\d+[、.．]\s*\D/.test(label)) return 'sub';
  return null;
}
