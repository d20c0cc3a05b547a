import type { Cell, Provenance } from '../../model/document.js';
import { FormGrid } from '../form-grid.js';
import { cleanText, labelKey } from './text.js';

/** A value read from a labelled cell, before it is put into the record. */
export interface FieldHit {
  value: string;
  provenance: Provenance;
  /** The label cell. */
  label: Cell;
  /** The label as printed (normalised, no trailing colon): `项目名称`, `其中：财政资金`, `填报单位` of `填报单位:某某`. */
  labelText: string;
}

/** A hit as a record field: `{ label, value, provenance }` (schemas/perf-common.ts labelledTextFieldSchema). */
export function labelled(hit: FieldHit): { label: string; value: string; provenance: Provenance } {
  return { label: hit.labelText, value: hit.value, provenance: hit.provenance };
}

/** A label cell's text as the record keeps it: wrapping removed, no trailing colon. */
export const printedLabel = (cell: Cell): string => cleanText(cell.text).replace(/\s*[:：]$/, '');

/**
 * The lead's FormGrid (src/recognise/form-grid.ts) with what the 自评 and 项目 forms need on top:
 * a value that sits in the label's own cell (`填报单位:某某`), or several cells to the right
 * past blank spacer cells (seed 001 workbooks), but never another label.
 */
export class FormView extends FormGrid {
  /** Anchored cells in reading order (row, then column). */
  readonly cells: Cell[];

  constructor(table: FormGrid['table']) {
    super(table);
    this.cells = [...table.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** Non-blank cells of row `r` right of `cell`. */
  filledRightOf(cell: Cell, r = cell.row): Cell[] {
    return this.rowCells(r).filter((c) => c.col >= cell.col + cell.colSpan && cleanText(c.text) !== '');
  }

  /**
   * The value of a label: the text after `label：` in the same cell, else the first non-blank
   * cell to its right unless that cell is itself a label (`stop`): then the field is blank.
   */
  field(re: RegExp, stop?: RegExp, fromRow = 0): FieldHit | undefined {
    const label = this.find(re, fromRow) ?? this.findInline(re, fromRow);
    if (!label) return undefined;
    const own = inlineValue(label.text, re);
    if (own !== null)
      return { value: own, provenance: label.prov, label, labelText: cleanText(label.text).replace(/\s*[:：].*$/, '') };
    const labelText = printedLabel(label);
    const next = this.filledRightOf(label)[0];
    if (!next || stop?.test(FormGrid.label(next))) return { value: '', provenance: label.prov, label, labelText };
    return { value: cleanText(next.text), provenance: next.prov, label, labelText };
  }

  /** A cell printing `label：value` whose label part matches. */
  private findInline(re: RegExp, fromRow: number): Cell | undefined {
    return this.cells.find((c) => c.row >= fromRow && inlineValue(c.text, re) !== null);
  }
}

/**
 * `填报单位:某某` -> `某某` when the part before the colon is the label sought; null when the
 * cell holds only the label, or the colon belongs to the label (`其中：财政资金`).
 */
function inlineValue(text: string, re: RegExp): string | null {
  const m = /^([^:：]{1,20})[:：](.+)$/.exec(cleanText(text));
  if (!m || !re.test(labelKey(m[1]!))) return null;
  return m[2]!.trim();
}
