import type { Provenance } from '../../model/document.js';
import type { Sentence } from './sentences.js';

/**
 * The headline totals the narrative restates (domain.md §3.1: "总收入533.64万元"). Each names the
 * table figure it must equal; three_public parts carry the key of their 三公 column.
 */
export type Measure =
  | 'total_income'
  | 'total_expenditure'
  | 'grand_total'
  | 'fiscal_income'
  | 'fiscal_expenditure'
  | 'fiscal_grand_total'
  | 'gpb_expenditure'
  | 'three_public';

export interface Statement {
  measure: Measure;
  /** For three_public: the column key (total, outboundTravel, ...). */
  column?: string;
  /** For three_public: which printed row the figure is (预算数 or 决算数). */
  stage?: 'budget' | 'final';
  value: number;
  unit: '万元' | '元';
  /** Decimals as printed: 17,192万元 is exact to 0.5 万元 only. */
  decimals: number;
  sentence: string;
  prov: Provenance;
}

/** An amount with its unit, right after the label (为 / 是 / a colon may stand between). */
const NUM = String.raw`(?:为|是|:)?(\d[\d,]*(?:\.\d+)?)(万元|元)`;

/**
 * A label only counts when nothing before it turns it into another figure: 上年 / 较 / 比 (last
 * year's or a comparison), 政府性基金拨款 / 国有资本经营预算拨款 (a narrower fund: Shanghai budgets print
 * '政府性基金拨款支出预算0万元'), 基本 / 项目 (a part).
 */
const QUALIFIED = /(上年|去年|上一年|较|比|与|同期|预算|基金|基本|项目|事业|经营|其他|补助|上缴|结转|结余|年初|年末|拨款|资金|经费|费)$/;

interface Rule {
  measure: Measure;
  label: RegExp;
}

/** Most specific first: 财政拨款收入支出总计 before 收入支出总计 before 财政拨款收入. */
const RULES: Rule[] = [
  { measure: 'fiscal_grand_total', label: /财政拨款收入支出总计/ },
  { measure: 'grand_total', label: /收入支出总计/ },
  { measure: 'gpb_expenditure', label: /一般公共预算(?:财政)?拨款(?:总)?支出(?:预算)?/ },
  { measure: 'fiscal_income', label: /财政拨款收入(?:预算)?/ },
  { measure: 'fiscal_expenditure', label: /财政拨款(?:总)?支出(?:预算)?/ },
  { measure: 'total_income', label: /本年收入合计|收入合计|总收入|收入预算(?:总额|总计)?/ },
  { measure: 'total_expenditure', label: /本年支出合计|支出合计|总支出|支出预算(?:总额|总计)?/ },
];

/** 三公 columns, most specific first (购置及运行 before 运行 / 购置). */
const THREE_PUBLIC: Array<[RegExp, string]> = [
  [/[“"]?三公[”"]?经费/, 'total'],
  [/公务用车购置及运行(?:维护)?费/, 'vehicleTotal'],
  [/公务用车运行(?:维护)?费/, 'vehicleOperation'],
  [/公务用车购置费/, 'vehiclePurchase'],
  [/因公出国\(境\)费(?:用)?/, 'outboundTravel'],
  [/公务接待费/, 'reception'],
];

function parse(num: string, unit: string): { value: number; unit: '万元' | '元'; decimals: number } {
  const plain = num.replace(/,/g, '');
  return { value: Number(plain), unit: unit === '元' ? '元' : '万元', decimals: (plain.split('.')[1] ?? '').length };
}

/** The year printed right before a label ('2019年度总收入'), or null. */
function yearBefore(prefix: string): number | null {
  const m = /((?:19|20)\d{2})年(?:度)?(?:本部门|本单位)?$/.exec(prefix);
  return m ? Number(m[1]) : null;
}

function qualified(prefix: string, year: number | null): boolean {
  const bare = prefix.replace(/((?:19|20)\d{2})年(?:度)?(?:本部门|本单位)?$/, '');
  if (QUALIFIED.test(bare)) return true;
  const y = yearBefore(prefix);
  return y !== null && year !== null && y !== year;
}

type Found = Array<[number, Statement]>;

/** Every headline-total statement of one sentence, in printed order; a label not directly followed by its amount is skipped. */
export function statementsIn(sentence: Sentence, year: number | null): Statement[] {
  const out: Found = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  for (const rule of RULES) {
    const re = new RegExp(`(?:${rule.label.source})${NUM}`, 'g');
    for (const m of sentence.text.matchAll(re)) {
      const at = m.index;
      const end = at + m[0].length;
      if (!free(at, end) || qualified(sentence.text.slice(0, at), year)) continue;
      taken.push([at, end]);
      out.push([at, { measure: rule.measure, ...parse(m[1]!, m[2]!), sentence: sentence.text, prov: sentence.prov }]);
    }
  }
  return [...out, ...threePublicIn(sentence, year)].sort((a, b) => a[0] - b[0]).map(([, st]) => st);
}

/** The start of a sentence or list item: '(二)', '其中:', '2019年'. */
const ITEM_START = /^(其中:)?(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.)?((?:19|20)\d{2}年度?)?$/;

/**
 * A 三公 part is only read where the sentence is about 三公 or opens with the part: seed 001 also lists
 * '公务接待费4.35万元' among the 公用经费 of 公开06表, which is another figure.
 */
function aboutThreePublic(text: string, prefix: string): boolean {
  return /三公/.test(text) || ITEM_START.test(prefix);
}

/**
 * 三公 figures: '“三公”经费财政拨款支出预算为14.31万元，支出决算为12.73万元' (seed 001) gives the
 * 预算数 and the 决算数; '“三公”经费预算数为346.30万元' (Shanghai budgets) the 预算数; a bare
 * '公务用车购置费支出0万元' is the document's own stage.
 */
function threePublicIn(sentence: Sentence, year: number | null): Found {
  const out: Found = [];
  const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)(万元|元)`;
  for (const [label, column] of THREE_PUBLIC) {
    const re = new RegExp(
      `(?:${label.source})(?:财政拨款)?(?:支出)?(?:(?:(?:年初)?预算(?:数)?(?:为|是)?${AMOUNT})(?:,(?:支出)?决算(?:数)?(?:为|是)?${AMOUNT})?|(?:决算(?:数)?)(?:为|是)?${AMOUNT}|(?:为|是)?${AMOUNT})`,
      'g',
    );
    for (const m of sentence.text.matchAll(re)) {
      const prefix = sentence.text.slice(0, m.index);
      if (qualified(prefix, year) || (column !== 'total' && !aboutThreePublic(sentence.text, prefix))) continue;
      const push = (stage: 'budget' | 'final' | undefined, num: string | undefined, unit: string | undefined) => {
        if (num === undefined || unit === undefined) return;
        const s: Statement = { measure: 'three_public', column, ...parse(num, unit), sentence: sentence.text, prov: sentence.prov };
        if (stage) s.stage = stage;
        out.push([m.index, s]);
      };
      push('budget', m[1], m[2]);
      push('final', m[3], m[4]);
      push('final', m[5], m[6]);
      push(undefined, m[7], m[8]);
    }
  }
  return out;
}

export function narrativeStatements(sentences: Sentence[], year: number | null): Statement[] {
  return sentences.flatMap((s) => statementsIn(s, year));
}
