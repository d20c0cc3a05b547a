import type { Cell, Table } from '../model/document.js';
import { normalise, parseAmount } from '../recognise/values.js';
import { NOT_PRINTED } from './verification.js';

/**
 * `ok` means complete (issue 9): every amount a table prints must reach its record. A cell that holds a number and
 * nothing else, with a decimal point, a thousands separator or at least three digits (line numbers 栏次 1, 2, 3 are
 * no amounts), is looked for among the record's numbers and, as printed, among its texts (a code, a 项目编码).
 */
export function printedNumbersMissing(table: Table, record: object): Cell[] {
  const numbers = new Set<number>();
  const texts: string[] = [];
  collect(record, numbers, texts);
  const joined = texts.join('\u0000');
  const missing: Cell[] = [];
  for (const cell of table.cells) {
    const text = normalise(cell.text).replace(/\s+/g, '');
    if (!/[.,]\d|\d{3,}/.test(text)) continue;
    const p = parseAmount(text);
    if (p.kind !== 'number') continue;
    if (numbers.has(round(p.value)) || joined.includes(text) || joined.includes(text.replace(/,/g, ''))) continue;
    missing.push(cell);
  }
  return missing;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function collect(node: unknown, numbers: Set<number>, texts: string[]): void {
  if (typeof node === 'number') numbers.add(round(node));
  else if (typeof node === 'string') texts.push(normalise(node).replace(/\s+/g, ''));
  else if (Array.isArray(node)) for (const x of node) collect(x, numbers, texts);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) if (!NOT_PRINTED.has(k)) collect(v, numbers, texts);
}
