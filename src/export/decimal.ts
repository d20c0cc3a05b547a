/**
 * Amounts as exact decimals for the dataset export (issue 15): a record holds each amount as the number printed in
 * its table's unit; researchers get it as printed and in one unit (元) without a float ever rounding it
 * (24458.43 万元 is 244584300 元, never 244584300.00000003). Decimal strings are shifted, not multiplied.
 */

/** Decimal places of value_yuan in Parquet (DECIMAL(28, 6)): 万元 printed to 6 places, 元 to 6. */
export const YUAN_SCALE = 6;
export const YUAN_PRECISION = 28;

const TO_YUAN_SHIFT: Record<string, number> = { 万元: 4, 元: 0 };

/** The number as its table prints it: to the table's printed decimals, or to its own where it has more. */
export function printedValue(value: number, decimals?: number): string {
  const own = plain(value);
  const places = (own.split('.')[1] ?? '').length;
  return decimals !== undefined && decimals > places ? value.toFixed(decimals) : own;
}

/** The shortest decimal text that reads back as the number, never in exponent form. */
function plain(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** `printed` (a decimal text in `unit`) in 元, exact, trailing zeros dropped; null for a unit that is neither. */
export function toYuan(printed: string, unit: string | null | undefined): string | null {
  const shift = unit ? TO_YUAN_SHIFT[unit] : undefined;
  if (shift === undefined || !/^-?\d+(?:\.\d+)?$/.test(printed)) return null;
  const negative = printed.startsWith('-');
  const [int = '0', frac = ''] = printed.replace(/^-/, '').split('.');
  const digits = int + frac.padEnd(shift, '0');
  const point = int.length + shift;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  const text = rest ? `${whole}.${rest}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A decimal text as the unscaled integer of a DECIMAL with `scale` places; undefined when it needs more places. */
export function unscaled(decimal: string, scale = YUAN_SCALE): bigint | undefined {
  const negative = decimal.startsWith('-');
  const [int = '0', frac = ''] = decimal.replace(/^-/, '').split('.');
  if (frac.length > scale) return undefined;
  const n = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -n : n;
}
