import { normalise } from '../values.js';

export interface CheckboxOption {
  label: string;
  checked: boolean;
}

export interface Checkboxes {
  /** The cell as printed (normalised), always kept. */
  text: string;
  options: CheckboxOption[];
  /** Labels of the marked options; empty when none is marked (the usual state in seed 000). */
  checked: string[];
}

const EMPTY_BOX = '□☐';
const MARKED_BOX = '☑☒■▇√✓✔';
const BOX = new RegExp(`[${EMPTY_BOX}${MARKED_BOX}]`);

/**
 * Options printed with boxes: `优秀□ 良好□ 合格□ 不合格□`, `单位（部门）自评□`, with `☑`, `■`
 * or `√` marking the chosen one (seed 000 asks to "在选项“□”中打“√”"). The box may follow or
 * precede its label. Null when the text has no box.
 */
export function parseCheckboxes(text: string): Checkboxes | null {
  const t = normalise(text);
  if (!BOX.test(t)) return null;
  const options: CheckboxOption[] = [];
  const boxAfter = new RegExp(`([^\\s${EMPTY_BOX}${MARKED_BOX}]+)\\s*([${EMPTY_BOX}${MARKED_BOX}])`, 'g');
  const boxBefore = new RegExp(`([${EMPTY_BOX}${MARKED_BOX}])\\s*([^\\s${EMPTY_BOX}${MARKED_BOX}]+)`, 'g');
  // Seed 000 and most forms print the box after the label; a box first in the text means the other order.
  const before = BOX.test(t[0] ?? '');
  for (const m of t.matchAll(before ? boxBefore : boxAfter)) {
    const [label, box] = before ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    options.push({ label, checked: MARKED_BOX.includes(box) });
  }
  return { text: t, options, checked: options.filter((o) => o.checked).map((o) => o.label) };
}
