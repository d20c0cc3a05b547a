import type { Provenance } from '../../model/document.js';
import { amountValue, parseOperatorValue, type OperatorValue } from '../values.js';
import { parseCheckboxes, type Checkboxes } from './checkbox.js';
import type { FormView } from './form.js';
import type { ColumnText, IndicatorRow } from './indicators.js';

/** Printed text, or null for a blank cell. */
export const textOf = (c: ColumnText | undefined): string | null => (c && c.text !== '' ? c.text : null);

/** An operator value (`≥25次`, `100%`, `合理`), or null for a blank cell. */
export const operatorOf = (c: ColumnText | undefined): OperatorValue | null =>
  c && c.text !== '' ? parseOperatorValue(c.text) : null;

/** Points or a score: `9`, `98分`. */
export function pointsValue(text: string): number | null {
  return amountValue(text.replace(/\s*分$/, ''));
}

/**
 * A 分值 / 得分 number, counted only on the row its cell starts on: a score merged over two
 * rows is one score, not two.
 */
export const numberOf = (c: ColumnText | undefined): number | null => (c?.anchored ? pointsValue(c.text) : null);

/** The level fields every indicator schema shares. */
export function levelFields(row: IndicatorRow) {
  return {
    level1: row.level1,
    level1Points: row.level1Points,
    level2: row.level2,
    level2Points: row.level2Points,
    level3: row.level3,
    level3Points: row.level3Points,
    provenance: row.provenance,
    cells: row.cells,
  };
}

/** Every cell of the form that prints option boxes (`优秀□ 良好□`, `☑`). */
export function checkboxesIn(view: FormView): Array<Checkboxes & { provenance: Provenance }> {
  const out: Array<Checkboxes & { provenance: Provenance }> = [];
  for (const cell of view.cells) {
    const boxes = parseCheckboxes(cell.text);
    if (boxes) out.push({ ...boxes, provenance: cell.prov });
  }
  return out;
}
