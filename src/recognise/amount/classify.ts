import type { Table } from '../../model/document.js';
import type { RecogniseContext } from '../types.js';
import { analyseHeader, headerWords } from './header-match.js';
import { squash } from './text.js';

/** Table families shared by 决算 and 预算 (docs/architecture.md type ids without the kind prefix). */
export type AmountFamily =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal_summary'
  | 'gpb_functional'
  | 'gpb_basic_economic'
  | 'three_public'
  | 'gov_fund'
  | 'soe_capital'
  | 'empty_index'
  | 'procurement'
  | 'operating_costs';

export type AmountKind = 'final' | 'budget';

export interface Classification {
  family: AmountFamily;
  kind: AmountKind;
  /** 0..1: title 0.9, continuation 0.85, 公开NN表 label 0.7, header words 0.4. */
  score: number;
  /** The printed title, '' when none was found. */
  title: string;
  /** 公开NN表 / 公开表N as printed, if any. */
  label: string | null;
}

/**
 * Title words to family, most specific first: '一般公共预算财政拨款支出决算表' must not fall to
 * 支出决算表, '财政拨款收入支出决算总表' not to 收入支出决算总表.
 */
const TITLE_RULES: Array<[RegExp, AmountFamily]> = [
  [/三公/, 'three_public'],
  [/机关运行经费/, 'operating_costs'],
  [/政府采购/, 'procurement'],
  [/政府性基金/, 'gov_fund'],
  [/国有资本经营/, 'soe_capital'],
  [/基本支出.*表|经济分类.*表|经济科目/, 'gpb_basic_economic'],
  [/财政拨款收(入)?支(出)?.*总表/, 'fiscal_summary'],
  [/(一般公共预算|财政拨款).*支出.*(决算|预算)表|功能分类.*预算表|功能科目/, 'gpb_functional'],
  [/收(入)?支(出)?.*总表/, 'summary'],
  [/收入.*(决算|预算).*表/, 'income'],
  [/支出.*(决算|预算).*表/, 'expenditure'],
];

/** 决算 公开NN表 numbering (docs/domain.md §3.1); 预算 numbering differs by region, so it is not used. */
const FINAL_LABELS: AmountFamily[] = [
  'summary', 'income', 'expenditure', 'fiscal_summary', 'gpb_functional',
  'gpb_basic_economic', 'three_public', 'gov_fund', 'soe_capital',
];

const META_LINE = /单位[:：]|编制(部门|单位)|^部门[:：]|^预算单位|^注[:：]/;
/** 公开01表, 公开表一, or a bare 表一 line (Jiangsu 2017). */
const LABEL = /公开(\d{1,2})表|公开表([一二三四五六七八九十]+)|^表([一二三四五六七八九十]+|\d{1,2})$/;

export function familyOfTitle(title: string): AmountFamily | null {
  const t = squash(title);
  if (!/表/.test(t)) return null;
  for (const [re, family] of TITLE_RULES) if (re.test(t)) return family;
  return null;
}

export function kindOfText(text: string): AmountKind | null {
  const t = squash(text);
  if (/决算/.test(t)) return 'final';
  if (/预算/.test(t)) return 'budget';
  return null;
}

/**
 * The printed title from the lines above the table (nearest last). A title wrapped over two lines
 * ('一般公共预算财政拨款"三公"经费' / '及会议费、培训费支出决算表', seed 001) is joined when the
 * second line starts as a continuation (及, 和, 与, 、, an opening bracket).
 */
export function findTitle(lines: string[]): { title: string; label: string | null } {
  let label: string | null = null;
  const titleLines: string[] = [];
  for (let i = lines.length - 1; i >= 0 && i >= lines.length - 6; i--) {
    const raw = squash(lines[i]!);
    const m = LABEL.exec(raw);
    if (m) label ??= m[0];
    const text = raw.replace(LABEL, '');
    if (text === '' || META_LINE.test(text)) {
      if (titleLines.length > 0) break;
      continue;
    }
    if (titleLines.length === 0) {
      if (!/表(\(.*\))?$/.test(text)) continue;
      titleLines.push(text);
    } else if (/^(及|和|与|、|\()/.test(titleLines[0]!) && !/表$|[。：:；;]/.test(text) && text.length <= 30) titleLines.unshift(text);
    else break;
  }
  return { title: titleLines.join(''), label };
}

function familyOfLabel(label: string | null, kind: AmountKind | null): AmountFamily | null {
  if (!label || kind !== 'final') return null;
  const n = /公开(\d{1,2})表/.exec(label);
  return n ? (FINAL_LABELS[Number(n[1]) - 1] ?? null) : null;
}

/** Header words to family, for tables printed with no title or label. */
function familyOfHeader(words: string): AmountFamily | null {
  const has = (re: RegExp) => re.test(words);
  if (has(/是否空表|为空的理由/)) return 'empty_index';
  if (has(/因公出国/)) return 'three_public';
  if (has(/采购/)) return 'procurement';
  if (has(/机关运行经费/)) return 'operating_costs';
  if (has(/年初结转和结余/) && has(/本年收入/) && has(/本年支出/)) return 'gov_fund';
  if (has(/财政拨款收入/) && has(/上级补助收入|事业收入/)) return 'income';
  if (has(/上缴上级支出|经营支出|对附属单位补助/)) return 'expenditure';
  if (has(/人员经费/) && has(/公用经费/)) return has(/项目支出/) ? 'gpb_functional' : 'gpb_basic_economic';
  if (has(/收入/) && has(/支出/) && has(/决算数|预算数|金额/)) return has(/一般公共预算/) ? 'fiscal_summary' : 'summary';
  return null;
}

const cache = new WeakMap<Table, Classification | null>();

/** Type a grid from its title, label, header words and (failing those) the table before it. */
export function classifyAmountTable(table: Table, ctx: RecogniseContext): Classification | null {
  if (cache.has(table)) return cache.get(table)!;
  const result = classify(table, ctx);
  cache.set(table, result);
  return result;
}

function classify(table: Table, ctx: RecogniseContext): Classification | null {
  // A one-column grid is a text box (编制说明, 名词解释), never an amount table.
  if (table.nCols < 2) return null;
  const info = analyseHeader(table);
  const words = headerWords(info);
  const caption = table.caption && !table.context.includes(table.caption) ? [table.caption] : [];
  const lines = [...table.context, ...caption, ...info.innerContext];
  const { title, label } = findTitle(lines);
  const metaKind = ctx.meta.kind === 'final' || ctx.meta.kind === 'budget' ? ctx.meta.kind : null;
  const kind = kindOfText(title) ?? (/决算数/.test(words) ? 'final' : /预算数/.test(words) ? 'budget' : metaKind);
  if (!kind) return null;
  const header = familyOfHeader(words);
  // The header outranks a title fragment ('及会议费、培训费支出决算表' when the first title line was lost).
  if (header === 'empty_index' || header === 'three_public') return { family: header, kind, score: 0.9, title, label };
  const byTitle = /^(及|和|与|、)/.test(title) ? null : familyOfTitle(title);
  if (byTitle) return { family: byTitle, kind, score: 0.9, title, label };
  const byLabel = familyOfLabel(label, kind);
  if (byLabel) return { family: byLabel, kind, score: 0.7, title, label };
  const prev = continuationOf(table, ctx, words);
  if (prev) return { ...prev, score: 0.85, label: label ?? prev.label };
  return header ? { family: header, kind, score: 0.4, title, label } : null;
}

/** A table whose title sits on the previous page: same header as the table before it. */
function continuationOf(table: Table, ctx: RecogniseContext, words: string): Classification | null {
  const i = ctx.doc.tables.indexOf(table);
  const before = i > 0 ? ctx.doc.tables[i - 1] : undefined;
  if (!before || words === '') return null;
  if (headerWords(analyseHeader(before)) !== words) return null;
  return classifyAmountTable(before, { ...ctx, tableIndex: i - 1 });
}
