import type { Sentence } from './sentences.js';
import { CLASS_NAMES } from './classes.js';

/**
 * Figures the narrative restates beyond the headline totals that statements.ts compares with the tables (issue 15):
 * the 类 of the 功能分类, 基本 / 项目 支出 (and Jiangsu's 单位预留机动经费), 会议费 and 培训费, and the 三公 parts in
 * the wordings statements.ts does not read ('公务用车购置预算支出0万元', '因公出国（境）费预算支出70万元'). Each is
 * read only where its amount follows its subject directly (stage words and 为 / 是 between), so '与上年相比增加
 * 3608.98万元' and '会议费（款）支出66.72万元' (an economic 款 of 公用经费, not the 会议费 the 三公 table prints) are never
 * read as one.
 */
export interface FoundFigure {
  key: string;
  stage?: 'budget' | 'final';
  label: string;
  code?: string;
  value: number;
  unit: '万元' | '元';
  printed: string;
  /** Where the amount starts in the sentence. */
  at: number;
  sentence: Sentence;
}

const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)(万元|元)`;
/** Stage and verb words between a subject and its amount: '预算支出', '支出决算为', '预算数为'. */
const FILL = '(?:财政拨款)?((?:年初)?预算|决算)?(?:支出)?((?:年初)?预算|决算)?(?:数)?(?:为|是|:)?';

/** A comparison before the subject turns its amount into another figure ('比上年基本支出…'). */
const COMPARED = /(上年|去年|上一年|较|比|与|同期)$/;

/** A section heading ('五、财政拨款支出预算情况说明') and the fund scope it gives the figures under it. */
const HEADING = /[一二三四五六七八九十]+、([^,，。；;:：、]{2,40}?(?:情况说明|说明|情况))/g;

type Scope = '' | 'fiscal_' | 'gpb_';

function scopeOf(words: string): Scope {
  if (/一般公共预算/.test(words)) return 'gpb_';
  return /财政拨款/.test(words) ? 'fiscal_' : '';
}

/** Where the clause an amount's subject sits in begins: after the last clause mark or list number. */
const CLAUSE_START =
  /[,，:：;；。、]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、](?!\d)|\(\d+\)|第[一二三四五六七八九十]+部分/g;

function clauseBefore(prefix: string): string {
  let start = 0;
  for (const m of prefix.matchAll(CLAUSE_START)) start = m.index + m[0].length;
  return prefix.slice(start);
}

/** A clause that opens with the subject: nothing before it but a list number, 其中, a year or a quote. */
const OPENS = /^(?:其中:?|此外,?)?(?:(?:19|20)\d{2}年度?)?[“"]?$/;

function stageOf(a: string | undefined, b: string | undefined, kind: 'budget' | 'final' | undefined) {
  const words = `${a ?? ''}${b ?? ''}`;
  if (/决算/.test(words)) return 'final' as const;
  if (/预算/.test(words)) return 'budget' as const;
  return kind;
}

function amount(num: string, unit: string): { value: number; unit: '万元' | '元'; printed: string } {
  const printed = num.replace(/,/g, '');
  return { value: Number(printed), unit: unit === '元' ? '元' : '万元', printed };
}

const CLASS_RE = new RegExp(
  `[“"]?(${CLASS_NAMES.map((c) => c.name).join('|')})(?:支出)?[”"]?(\\(类\\))?(科目)?(?:支出)?${FILL}${AMOUNT}`,
  'g',
);
const BY_USE_RE = new RegExp(
  `(一般公共预算(?:财政)?拨款|一般公共预算|财政拨款)?(基本支出|项目支出|单位预留机动经费)${FILL}${AMOUNT}`,
  'g',
);
const BY_USE: Record<string, string> = {
  基本支出: 'basic_expenditure',
  项目支出: 'project_expenditure',
  单位预留机动经费: 'reserve_fund',
};
const MEETING_RE = new RegExp(`(会议费|培训费)${FILL}${AMOUNT}`, 'g');
/** 三公 parts, the wordings statements.ts misses among them: 公务用车购置 without 费, 预算支出 after the name. */
const THREE_PUBLIC: Array<[RegExp, string]> = [
  [/公务用车购置及运行(?:维护)?费/, 'vehicleTotal'],
  [/公务用车运行(?:维护)?费/, 'vehicleOperation'],
  [/公务用车购置(?:费)?(?!及)/, 'vehiclePurchase'],
  [/因公出国\(境\)费(?:用)?/, 'outboundTravel'],
  [/公务接待费/, 'reception'],
];

/** Totals statements.ts reads in other wordings only ('财政拨款收入预算总计', '财政拨款收、支总预算', '收入、支出预算总计'). */
const TOTALS: Array<[RegExp, string]> = [
  [/财政拨款收入(?:预算)?(?:总计|合计)/, 'fiscal_income'],
  [/财政拨款收、?支(?:总预算|(?:预算)?总计)/, 'fiscal_grand_total'],
  [/收入、支出(?:预算|决算)?总计|收、支(?:预算|决算)?总计/, 'grand_total'],
];

/** Every figure of these kinds the sentences state, in printed order. */
export function extraFigures(sentences: Sentence[], kind: 'budget' | 'final' | undefined): FoundFigure[] {
  const out: FoundFigure[] = [];
  let section: Scope = '';
  for (const sentence of sentences) {
    const text = sentence.text;
    // A heading inside the sentence scopes what follows it; the scope in force before it applies up to it.
    const headings = [...text.matchAll(HEADING)].map((m) => ({ at: m.index, scope: scopeOf(m[1]!) }));
    const scopeAt = (at: number) => headings.filter((h) => h.at < at).at(-1)?.scope ?? section;
    const push = (f: Omit<FoundFigure, 'sentence'>) => out.push({ ...f, sentence });

    for (const m of text.matchAll(CLASS_RE)) {
      const prefix = text.slice(0, m.index);
      const marked = Boolean(m[2] || m[3]);
      if (COMPARED.test(prefix) || (!marked && (m[1] === '其他' || !OPENS.test(clauseBefore(prefix))))) continue;
      const code = CLASS_NAMES.find((c) => c.name === m[1])!.code;
      const at = m.index + m[0].length - m[6]!.length - m[7]!.length;
      const scope = scopeAt(m.index);
      push({
        key: `${scope}class.${code}`,
        stage: stageOf(m[4], m[5], kind),
        label: m[0].slice(0, at - m.index).replace(/[“”"]/g, ''),
        code,
        at,
        ...amount(m[6]!, m[7]!),
      });
    }
    for (const m of text.matchAll(BY_USE_RE)) {
      const prefix = text.slice(0, m.index);
      if (COMPARED.test(prefix)) continue;
      const at = m.index + m[0].length - m[5]!.length - m[6]!.length;
      const scope = m[1] ? scopeOf(m[1]) : scopeAt(m.index);
      push({
        key: `${scope}${BY_USE[m[2]!]!}`,
        stage: stageOf(m[3], m[4], kind),
        label: m[0].slice(0, at - m.index),
        at,
        ...amount(m[5]!, m[6]!),
      });
    }
    for (const m of text.matchAll(MEETING_RE)) {
      if (COMPARED.test(text.slice(0, m.index))) continue;
      const at = m.index + m[0].length - m[4]!.length - m[5]!.length;
      push({
        key: m[1] === '会议费' ? 'meeting' : 'training',
        stage: stageOf(m[2], m[3], kind),
        label: m[0].slice(0, at - m.index),
        at,
        ...amount(m[4]!, m[5]!),
      });
    }
    for (const [label, column] of THREE_PUBLIC) {
      const re = new RegExp(`(?:${label.source})${FILL}${AMOUNT}`, 'g');
      for (const m of text.matchAll(re)) {
        const prefix = text.slice(0, m.index);
        // A part is the 三公 figure only in a sentence about 三公 or as a list item of its own: seed 001 also lists
        // '公务接待费4.35万元' among the 公用经费 of 公开06表 (statements.ts, aboutThreePublic).
        if (COMPARED.test(prefix) || (!/三公/.test(text) && !OPENS.test(clauseBefore(prefix)))) continue;
        const at = m.index + m[0].length - m[3]!.length - m[4]!.length;
        push({
          key: `three_public.${column}`,
          stage: stageOf(m[1], m[2], kind),
          label: m[0].slice(0, at - m.index),
          at,
          ...amount(m[3]!, m[4]!),
        });
      }
    }
    for (const [label, key] of TOTALS) {
      const re = new RegExp(`(?:${label.source})${FILL}${AMOUNT}`, 'g');
      for (const m of text.matchAll(re)) {
        if (COMPARED.test(text.slice(0, m.index))) continue;
        const at = m.index + m[0].length - m[3]!.length - m[4]!.length;
        push({
          key,
          stage: stageOf(m[1], m[2], kind),
          label: m[0].slice(0, at - m.index),
          at,
          ...amount(m[3]!, m[4]!),
        });
      }
    }
    if (headings.length > 0) section = headings.at(-1)!.scope;
  }
  return out;
}
