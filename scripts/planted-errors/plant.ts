/**
 * The errors planted in seed 001's 决算 (issue 13): each edits the printed document the way a careless publisher
 * would, names the text that marks where it is printed (the page a finding must point at) and the rules that must
 * report it at error or warning level. The unchanged seed is the no-false-alarm case.
 */
import type { FinalDocument, PrintedTable } from './final-document.js';

export interface PlantedError {
  id: string;
  what: string;
  /** Rules any one of which reports it (docs/audit.md). */
  rules: string[];
  /** Printed text (spaces ignored) on the page the finding must name; '' where the finding names no page. */
  marker: string;
  apply(d: FinalDocument): void;
}

function table(d: FinalDocument, id: string): PrintedTable {
  const t = d.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

/** Replaces one printed string, refusing when it is not printed exactly once: a plant that misses is a broken sample. */
function once(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`'${from}' is printed ${n} times, expected once`);
  return text.replace(from, to);
}

function inList(list: string[], from: string, to: string): void {
  const i = list.findIndex((s) => s.includes(from));
  if (i < 0 || list.findIndex((s, k) => k > i && s.includes(from)) >= 0) throw new Error(`'${from}' not printed once`);
  list[i] = once(list[i]!, from, to);
}

export const planted: PlantedError[] = [
  {
    id: 'placeholder-in-title',
    what: "公开03表's title printed as 'XX单位支出决算表'",
    rules: ['consistency.placeholder'],
    marker: 'XX单位支出决算表',
    apply: (d) => {
      const t = table(d, 't03');
      t.headers[0] = once(t.headers[0]!, '支出决算表', 'XX单位支出决算表');
    },
  },
  {
    id: 'removed-table-still-listed',
    what: '公开06表 left out while the empty-table index still lists 表6',
    rules: ['completeness.toc_entry_without_table'],
    marker: '表格为空的理由',
    apply: (d) => {
      d.tables = d.tables.filter((t) => t.id !== 't06');
    },
  },
  {
    id: 'wrong-year-heading',
    what: "the 情况说明's part heading says 2018 in a 2019 决算",
    rules: ['consistency.year_mismatch'],
    marker: '第三部分 2018 年部门决算情况说明',
    apply: (d) => {
      d.narrativeHeading = once(d.narrativeHeading, '2019', '2018');
    },
  },
  {
    id: 'wrong-year-cutoff',
    what: "the 国有资产 section's 截至 date says 2018年末",
    rules: ['consistency.cutoff_date'],
    marker: '截至2018年末',
    apply: (d) => inList(d.more, '截至2019年末', '截至2018年末'),
  },
  {
    id: 'zeroed-total',
    what: '总收入 printed as 0万元',
    rules: ['narrative.figure_mismatch'],
    marker: '总收入0万元',
    apply: (d) => inList(d.narrative, '总收入533.64万元', '总收入0万元'),
  },
  {
    id: 'flipped-comparison',
    what: '决算数大于预算数 printed as 决算数小于预算数 (预算 427.55, 决算 531.84)',
    rules: ['narrative.comparison_word'],
    marker: '决算数小于预算数',
    apply: (d) => inList(d.narrative, '决算数大于预算数', '决算数小于预算数'),
  },
  {
    id: 'blank-three-public-budget',
    what: "公开07表's 预算数 row printed blank",
    rules: ['completeness.blank_stage_line', 'completeness.blank_cell_restated'],
    marker: '一般公共预算财政拨款安排的“三公”经费',
    apply: (d) => {
      const t = table(d, 't07');
      t.grid = once(t.grid, '预算数|14.31|0|4.88|9.43|0|9.43|12|3', '预算数||||||||');
    },
  },
  {
    id: 'doubled-full-stop',
    what: 'a doubled 。。 in 第一部分',
    rules: ['hygiene.doubled_punctuation'],
    marker: '仅包含办公室本级。。',
    apply: (d) => inList(d.overview, '仅包含办公室本级。', '仅包含办公室本级。。'),
  },
  {
    id: 'other-department',
    what: "公开05表's 编制部门 names another department",
    rules: ['consistency.department_mismatch'],
    marker: '编制部门：咸阳市杨陵区人民政府办公室',
    apply: (d) => {
      const t = table(d, 't05');
      t.headers[2] = once(t.headers[2]!, '咸阳市杨陵区人民代表大会常务委员会办公室', '咸阳市杨陵区人民政府办公室');
    },
  },
  {
    id: 'unit-dropped',
    what: "公开02表's 金额单位 left off",
    rules: ['consistency.unit_missing'],
    marker: '其中:教育收费',
    apply: (d) => {
      const t = table(d, 't02');
      t.headers[2] = once(t.headers[2]!, '金额单位：万元', '');
    },
  },
  {
    id: 'income-total-changed',
    what: "公开02表's 合计 本年收入合计 printed as 533.46 (its parts and 公开01表 say 533.64)",
    rules: ['cross_table.table_sum_failed', 'cross_table.identity_failed'],
    marker: '533.46',
    apply: (d) => {
      const t = table(d, 't02');
      t.grid = once(t.grid, '合计|<|533.64|', '合计|<|533.46|');
    },
  },
  {
    id: 'change-amount',
    what: '总支出 较上年417.77万元增加114.07万元 printed as 增加113.07万元',
    rules: ['narrative.change_mismatch'],
    marker: '增加113.07万元',
    apply: (d) => inList(d.narrative, '增加114.07万元', '增加113.07万元'),
  },
  {
    id: 'share',
    what: '财政拨款收入 占99.64% printed as 占96.64%',
    rules: ['narrative.share_mismatch'],
    marker: '占96.64%',
    apply: (d) => inList(d.narrative, '占99.64%', '占96.64%'),
  },
  {
    id: 'completion-rate',
    what: '“三公”经费 完成预算的88.96% printed as 98.96%',
    rules: ['narrative.completion_rate_mismatch'],
    marker: '完成预算的98.96%',
    apply: (d) => inList(d.narrative, '完成预算的88.96%', '完成预算的98.96%'),
  },
];

export function plant(d: FinalDocument): FinalDocument {
  for (const p of planted) p.apply(d);
  return d;
}
