/** Text normalisation shared by the ground-truth checks (test/ground-truth/README.md: how values compare). */

/** Full-width → ASCII, whitespace and quote marks dropped: how printed and typed text are compared. */
export function squash(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x3000) continue;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  // Quotes are typed inconsistently (“三公” / "三公" / 三公); they carry no meaning for matching.
  return out.replace(/[\s“”"‘’'「」]/g, '');
}

const DASHES = /^[-—–－─]+$/;

/** The number a printed cell stands for: `-` is 0, thousands separators dropped; null when not a number. */
export function numberOf(s: string): number | null {
  const t = squash(s).replace(/,/g, '');
  if (DASHES.test(t)) return 0;
  if (!/^-?\d+(\.\d+)?%?$/.test(t)) return null;
  return Number(t.replace('%', ''));
}

/** Whether a printed word is a cell value (number or dash), as opposed to a label or header word. */
export function isValueWord(s: string): boolean {
  return numberOf(s) !== null;
}

/** Whether a typed value and a printed one agree: numerically when both are numbers, else as squashed text. */
export function sameValue(typed: string, printed: string): boolean {
  const a = numberOf(typed);
  const b = numberOf(printed);
  if (a !== null && b !== null) return Math.abs(a - b) < 1e-9;
  return squash(typed) === squash(printed);
}

/** The '/'-separated parts of a typed column header, squashed. */
export function headerParts(column: string): string[] {
  return column
    .split('/')
    .map(squash)
    .filter((p) => p.length > 0);
}

/** A typed value against the printed cell: a typed blank wants a blank cell, anything else the same value. */
export const agrees = (typed: string, printed: string): boolean =>
  typed === '' ? squash(printed) === '' : squash(printed) !== '' && sameValue(typed, printed);

/**
 * The one cell of a row under the typed column path, or why there is none: `seen` lists the row's other columns
 * for the message. Shared by the ruled-PDF and the workbook readings.
 */
export function oneUnder<C>(
  matches: C[],
  seen: string[],
  want: string[],
  text: (c: C) => string,
): { printed: string; cell: C } | { reason: string } {
  if (!matches.length)
    return {
      reason: `no cell of the row is under "${want.join('/')}" (the row's columns: ${[...new Set(seen)].join(' | ')})`,
    };
  if (matches.length > 1)
    return { reason: `${matches.length} cells of the row are under "${want.join('/')}": the header does not pick one` };
  return { printed: text(matches[0]!), cell: matches[0]! };
}
