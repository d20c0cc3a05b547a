/**
 * How a printed cell compares with a record value (test/ground-truth/README.md): numbers numerically ('-' is 0,
 * thousands separators dropped, a blank printed cell '' is null), text after full-width -> ASCII and whitespace
 * removal.
 */

/** Full-width forms to ASCII (NFKC: （ -> (, ０ -> 0, U+3000 -> space), then every whitespace removed. */
export function normText(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '');
}

/** A row label without its printed enumerator ('一、', '1.', '(一)', '其中:') or trailing colon, for a second, looser pass. */
export function bareLabel(s: unknown): string {
  return normText(s)
    .replace(/:$/, '')
    .replace(/^其中:?/, '')
    .replace(/^(\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十百]+[、.]|\d+[、.])/, '');
}

/**
 * The printed cell as a number: null for a blank cell, 0 for a dash, undefined when it is not a number.
 * A trailing '%' is dropped (a percentage is stored as its number).
 */
export function printedNumber(printed: string): number | null | undefined {
  const t = normText(printed).replace(/,/g, '');
  if (t === '') return null;
  if (/^[-—–−]+$/.test(t)) return 0;
  const m = /^([-−]?\d+(?:\.\d+)?|[-−]?\.\d+)%?$/.exec(t);
  return m ? Number(m[1]!.replace('−', '-')) : undefined;
}

/** Whether the record value equals the printed cell. `got` undefined (no such key) never matches. */
export function sameValue(printed: string, got: unknown): boolean {
  if (got === undefined) return false;
  if (typeof got === 'number') {
    const want = printedNumber(printed);
    return typeof want === 'number' && Math.abs(want - got) <= 1e-6 * Math.max(1, Math.abs(want));
  }
  // A printed dash is "nothing here": 0 for an amount line (docs/domain.md §2), and on a 自评表's 其中 lines the
  // 财政部 template's "not scored", which the record keeps as null. Neither invents a figure.
  if (got === null) return normText(printed) === '' || /^[-—–−]+$/.test(normText(printed));
  if (typeof got === 'string') return normText(got) === normText(printed);
  if (typeof got === 'boolean') return normText(printed) === String(got);
  return false;
}

/** A value for a report line: strings quoted, long ones cut. */
export function show(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
