import { compact, normalise } from '../values.js';

/** CJK ideographs, CJK and full-width punctuation, and the signs printed in 绩效 cells. */
const WIDE = '[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u3000-\\u303F“”‘’…—≥≤×√□☑■]';
const SPACE_BEFORE_WIDE = new RegExp(` (?=${WIDE})`, 'g');
const SPACE_AFTER_WIDE = new RegExp(`(?<=${WIDE}) `, 'g');

/**
 * Cell text with the line breaks of its printed wrapping removed. Word, Excel and PDF wrap a
 * cell at different places (seed 001 prints `预算\n完成率\n（10分）` where the workbook
 * has `预算完成率（10分）`), so a space next to a Chinese character is layout, not content;
 * spaces between Latin words and numbers are kept.
 */
export function cleanText(text: string): string {
  return normalise(text).replace(SPACE_BEFORE_WIDE, '').replace(SPACE_AFTER_WIDE, '');
}

/**
 * A printed label reduced for matching, as FormGrid.label does for a cell: no spaces, no
 * required-field star (`*任务名称`, seeds 002/004), no trailing colon.
 */
export function labelKey(text: string): string {
  return compact(text)
    .replace(/^\*+/, '')
    .replace(/[:：]$/, '');
}

/** The year printed as `（2019年度）`, `(2022 年度)` or `2020年`, or null. */
export function yearIn(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(normalise(text));
  return m ? Number(m[1]) : null;
}
