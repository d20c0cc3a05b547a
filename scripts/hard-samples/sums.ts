/**
 * The arithmetic of docs/domain.md §3 on the hard samples' data, in integer minor units (分 or 元), so the build script
 * can refuse to print a table whose sums are not what its data file says.
 */

/** A printed amount ('' blank = 0, thousands separators dropped) in units of its last printed digit. */
export function units(printed: string, decimals: number): number {
  if (printed === '') return 0;
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(printed);
  if (!m || (m[2]?.length ?? 0) !== decimals)
    throw new Error(`"${printed}" is not an amount with ${decimals} decimals`);
  return Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
}

export interface Line {
  /** '' for the 合计 line. */
  code: string;
  values: number[];
}

/** Children of a line by code: 合计 → 类 (3 digits), 类 → 款 (5), 款 → 项 (7). */
export function children(lines: Line[], code: string): Line[] {
  const len = code === '' ? 3 : code.length + 2;
  return lines.filter((l) => l.code.length === len && l.code.startsWith(code));
}

export interface Mismatch {
  code: string;
  /** Column index into `values`. */
  column: number;
  identity: 'row' | 'tree';
  parts: string[];
  printed: number;
  sumOfParts: number;
}

/** Every line with children whose value in some column is not the sum of its children's. */
export function treeMismatches(lines: Line[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const l of lines) {
    const kids = children(lines, l.code);
    if (!kids.length) continue;
    l.values.forEach((v, column) => {
      const sum = kids.reduce((s, k) => s + k.values[column]!, 0);
      if (sum !== v)
        out.push({
          code: l.code,
          column,
          identity: 'tree',
          parts: kids.map((k) => k.code),
          printed: v,
          sumOfParts: sum,
        });
    });
  }
  return out;
}

/** Every line whose value in column `total` is not the sum of the columns `parts`. */
export function rowMismatches(lines: Line[], total: number, parts: number[], names: string[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const l of lines) {
    const sum = parts.reduce((s, p) => s + l.values[p]!, 0);
    if (sum !== l.values[total]) {
      out.push({
        code: l.code,
        column: total,
        identity: 'row',
        parts: parts.map((p) => names[p]!),
        printed: l.values[total]!,
        sumOfParts: sum,
      });
    }
  }
  return out;
}

/** Every line has a code that fits the tree (合计 once, each 款 under a printed 类, each 项 under a printed 款). */
export function checkCodes(lines: Line[]): void {
  const codes = new Set(lines.map((l) => l.code));
  if (codes.size !== lines.length) throw new Error('a code is printed twice');
  if (!codes.has('')) throw new Error('no 合计 line');
  for (const c of codes) {
    if (c === '') continue;
    if (![3, 5, 7].includes(c.length) || !/^\d+$/.test(c)) throw new Error(`code ${c} is not a 类/款/项 code`);
    if (c.length > 3 && !codes.has(c.slice(0, c.length - 2))) throw new Error(`code ${c} has no parent line`);
  }
}
