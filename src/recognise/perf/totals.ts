import type { Provenance } from '../../model/document.js';
import type { FormView } from './form.js';
import type { IndicatorHeader } from './indicators.js';
import { pointsValue } from './indicator-values.js';
import { cleanText } from './text.js';

/** A printed total (分值 or 得分) with its cell, and the label it is printed beside where it is a header field. */
export type PrintedTotal = { value: number | null; provenance: Provenance; label?: string } | null;

/** The 总分 / 合计 row under the indicators: 分值 and 得分 read in the indicator header's columns. */
export function totalRow(
  view: FormView,
  header: IndicatorHeader | undefined,
): { points: PrintedTotal; score: PrintedTotal } {
  const label = view.find(/^(总分|合计)$/, header?.row ?? 0);
  if (!label) return { points: null, score: null };
  const at = (key: string): PrintedTotal => {
    const col = header?.columns.get(key)?.col;
    const cell = col === undefined ? undefined : view.at(label.row, col);
    return cell && cell !== label && cleanText(cell.text) !== ''
      ? { value: pointsValue(cell.text), provenance: cell.prov }
      : null;
  };
  return { points: at('points'), score: at('score') };
}

/** `自评得分：98分` printed in the form's header (seed 001). */
export function selfScore(view: FormView): PrintedTotal {
  const hit = view.field(/^自评得分$/);
  return hit && hit.value !== ''
    ? { label: hit.labelText, value: pointsValue(hit.value), provenance: hit.provenance }
    : null;
}
