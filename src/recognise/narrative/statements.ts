import type { Provenance } from '../../model/document.js';
import type { Sentence } from './sentences.js';

/**
 * The headline totals the narrative restates (docs/domain.md §3.1: "总收入533.64万元"). Each names the
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
  | 'three_public'
  | 'procurement'
  | 'operating_costs';

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
const QUALIFIED =
  /(上年|去年|上一年|较|比|与|同期|预算|基金|基本|项目|事业|经营|其他|补助|上缴|结转|结余|年初|年末|拨款|资金|经费|费)$/;

/** A figure of its own subject is only qualified away by a comparison ('比上年机关运行经费…'). */
const COMPARED = /(上年|去年|上一年|较|比|与|同期)$/;

/** A part of the procurement total ('货物类政府采购支出预算259.32万元'), or a comparison. */
const PROCUREMENT_PART = /(上年|去年|上一年|较|比|与|同期|货物类?|工程类?|服务类?)$/;

interface Rule {
  measure: Measure;
  label: RegExp;
  /** What before the label turns it into another figure; QUALIFIED unless given. */
  qualifiers?: RegExp;
  /** A headline total: not read where the clause before it names a narrower subject (NARROWER). */
  total?: boolean;
}

/**
 * Subjects narrower than the headline totals. A total's label after one of them in the same clause
 * is that subject's figure ('2018年度政府采购支出预算总额1449.50万元' is the procurement total, not total
 * spending): it is compared with that subject's own table, or with nothing.
 */
const NARROWER =
  /政府采购|采购|机关运行经费|三公|会议费|培训费|政府性基金|国有资本|国有资产|人员经费|公用经费|基本支出|项目支出|专户|结转|结余|机动经费/;
/** Where the clause a label sits in begins: a clause mark or a section number ('十二、', '(二)', '1.', '第三部分'). */
const CLAUSE_START =
  /[,，:：;；。、]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.(?!\d)|第[一二三四五六七八九十]+部分/g;

/** The clause before a label, from its last clause mark or section number on. */
function clauseBefore(prefix: string): string {
  let start = 0;
  for (const m of prefix.matchAll(CLAUSE_START)) start = m.index + m[0].length;
  return prefix.slice(start);
}

/**
 * Most specific first: 政府采购 and 机关运行经费 before the totals whose words they contain
 * ('政府采购支出预算总额'), 财政拨款收入支出总计 before 收入支出总计 before 财政拨款收入.
 */
const RULES: Rule[] = [
  {
    measure: 'procurement',
    label: /政府采购(?:支出)?(?:总)?(?:预算|决算)?(?:总额|总计|合计|总金额|金额)?(?:\(以合同签订为准\))?/,
    qualifiers: PROCUREMENT_PART,
  },
  {
    measure: 'operating_costs',
    label: /机关运行经费(?:财政拨款)?(?:预算|决算)?(?:支出)?(?:预算|决算)?(?:数)?(?:总额|合计)?/,
    qualifiers: COMPARED,
  },
  { measure: 'fiscal_grand_total', label: /财政拨款收入支出总计/, total: true },
  { measure: 'grand_total', label: /收入支出总计/, total: true },
  { measure: 'gpb_expenditure', label: /一般公共预算(?:财政)?拨款(?:总)?支出(?:预算)?/, total: true },
  { measure: 'fiscal_income', label: /财政拨款收入(?:预算)?/, total: true },
  { measure: 'fiscal_expenditure', label: /财政拨款(?:总)?支出(?:预算)?/, total: true },
  { measure: 'total_income', label: /本年收入合计|收入合计|总收入|收入预算(?:总额|总计|合计)?/, total: true },
  { measure: 'total_expenditure', label: /本年支出合计|支出合计|总支出|支出预算(?:总额|总计|合计)?/, total: true },
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

function qualified(prefix: string, year: number | null, qualifiers: RegExp = QUALIFIED): boolean {
  const bare = prefix.replace(/((?:19|20)\d{2})年(?:度)?(?:本部门|本单位)?$/, '');
  if (qualifiers.test(bare)) return true;
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
      const prefix = sentence.text.slice(0, at);
      if (
        !free(at, end) ||
        qualified(prefix, year, rule.qualifiers) ||
        (rule.total && NARROWER.test(clauseBefore(prefix)))
      )
        continue;
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
        const s: Statement = {
          measure: 'three_public',
          column,
          ...parse(num, unit),
          sentence: sentence.text,
          prov: sentence.prov,
        };
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
