/**
 * Cell text to values (docs/domain.md §2, Cells): full-width digits and spaces, thousands
 * separators, blank vs 0 vs '-', negative forms, percentages, operator values, points.
 */

/** Full-width ASCII (U+FF01..FF5E) to half-width, ideographic space to space, trimmed, runs of spaces collapsed. */
export function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\t\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Text with every kind of space removed: for matching printed labels like '收    入'. */
export function compact(text: string): string {
  return normalise(text).replace(/\s+/g, '');
}

const DASHES = /^[-‐‑‒–—―－]+$/;

export type AmountParse =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'dash' }
  | { kind: 'text'; text: string };

/**
 * An amount cell. Blank is null (nothing printed), '-' is 0 by the publishing convention
 * for an empty line, '(12.5)' and '−12.5' are negative, '1,234.56' is 1234.56.
 */
export function parseAmount(text: string): AmountParse {
  const t = normalise(text).replace(/\s+/g, '');
  if (t === '') return { kind: 'blank' };
  if (DASHES.test(t)) return { kind: 'dash' };
  const paren = /^\((.*)\)$/.exec(t);
  const body = (paren ? paren[1]! : t).replace(/[−–]/g, '-').replace(/,/g, '');
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(body)) {
    const v = Number(body);
    return { kind: 'number', value: paren ? -v : v };
  }
  return { kind: 'text', text: t };
}

/** Amount as number | null: blank is null, dash is 0, text is null (the caller records an issue). */
export function amountValue(text: string): number | null {
  const p = parseAmount(text);
  if (p.kind === 'number') return p.value;
  if (p.kind === 'dash') return 0;
  return null;
}

export interface OperatorValue {
  /** '≥' | '≤' | '=' | '>' | '<' | '定性' as printed; null when none. */
  operator: string | null;
  /** The numeric part, when there is one. */
  value: number | null;
  /** Unit after the number: '%', '次', '万元', '个'. */
  unit: string | null;
  /** The whole text as printed (normalised), always kept. */
  text: string;
}

const OPERATOR = /^(≥|≤|≧|≦|>=|<=|＞|＜|>|<|=|＝)/;

/**
 * '≥25次', '≤754.38万元', '100%', '≥ 90 %', '= 2023', '≤预算控制数', '合理'; Shanghai's 财政项目支出绩效目标填报表
 * (docs/domain.md §3.6) prints the unit in parentheses: '≥13459.00(平方米)', '=100.00(%)' -> unit '平方米', '%'.
 */
export function parseOperatorValue(text: string, operatorHint?: string): OperatorValue {
  const t = normalise(text);
  let rest = t.replace(/\s+/g, '');
  let operator: string | null = null;
  const m = OPERATOR.exec(rest);
  if (m) {
    operator = canonicalOperator(m[1]!);
    rest = rest.slice(m[1]!.length);
  } else if (operatorHint) {
    const h = normalise(operatorHint);
    operator = h === '' ? null : canonicalOperator(h);
  }
  const num = /^([-+]?\d+(?:\.\d+)?)(.*)$/.exec(rest.replace(/,/g, ''));
  if (num) {
    const unit = num[2] ? num[2].replace(/^\(([^()]+)\)$/, '$1') : '';
    return { operator, value: Number(num[1]), unit: unit || null, text: t };
  }
  return { operator, value: null, unit: null, text: t };
}

function canonicalOperator(op: string): string {
  switch (op) {
    case '>=':
    case '≧':
      return '≥';
    case '<=':
    case '≦':
      return '≤';
    case '＞':
      return '>';
    case '＜':
      return '<';
    case '＝':
      return '=';
    default:
      return op;
  }
}

/** Points printed in a label: '投入管理指标(50分)' -> { label: '投入管理指标', points: 50 }. */
export function splitPoints(text: string): { label: string; points: number | null } {
  const t = normalise(text);
  const m = /^(.*?)[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(t);
  if (!m) return { label: t, points: null };
  return { label: m[1]!.trim(), points: Number(m[2]) };
}

/** A leading subject code split from its name: '2010101  行政运行' -> code + name. */
export function splitCode(text: string): { code: string | null; name: string } {
  const t = normalise(text);
  const m = /^(\d{3,})\s*(.*)$/.exec(t);
  if (!m) return { code: null, name: t };
  return { code: m[1]!, name: m[2]!.trim() };
}

/** The unit a '单位：万元' / '金额单位：元' line states, or null. */
export function unitFromLine(text: string): string | null {
  const m = /单位\s*[:：]\s*(万元|千元|亿元|元)/.exec(normalise(text).replace(/\s+/g, ''));
  return m ? m[1]! : null;
}
