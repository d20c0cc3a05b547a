import type { z } from 'zod';
import { RECORD_SCHEMAS } from '../../schemas/index.js';
import { dataDictionary } from '../recognise/amount/dictionary.js';
import { NARRATIVE_KEYS } from './narrative-keys.js';

/**
 * The data dictionary of the dataset export (issue 15, `budgetdoc export --dictionary`), generated from the zod
 * schemas (schemas/index.ts): every amount column key each table type's `rows[].values` accepts, with the printed
 * header it stands for and every header spelling mapped to it (src/recognise/amount/dictionary.ts, the family and
 * region files), its table family, its unit and its meaning; then the narrative figures (schemas/narrative.ts);
 * then the columns of the long and wide exports.
 */
export interface DictionaryEntry {
  /** 'value' (a column key of a table type), 'figure' (a narrative figure key) or 'column' (an export column). */
  entry: 'value' | 'figure' | 'column';
  table_type: string;
  family: string;
  key: string;
  /** The printed header the key stands for ('本年收入合计'); for a figure, its usual wording. */
  printed_header: string;
  /** Every header spelling that maps to the key, with where it comes from ('金额$ (jiangsu)'). */
  header_patterns: string;
  unit: string;
  meaning: string;
}

export const DICTIONARY_COLUMNS = [
  'entry',
  'table_type',
  'family',
  'key',
  'printed_header',
  'header_patterns',
  'unit',
  'meaning',
] as const;

/** What each amount column key means, in the sense of docs/domain.md §3 (the printed header is the label). */
const MEANINGS: Record<string, string> = {
  amount: 'the one amount of a line (决算数 in a 决算, 预算数 in a 预算)',
  total: 'the total of the line over its columns (合计 / 本年收入合计 / 本年支出小计)',
  grandTotal: '"三公" + 会议费 + 培训费 together (Jiangsu prints it)',
  personnel: '人员经费: staff costs within basic expenditure (wages, allowances, social insurance, pensions)',
  publicFunds: '公用经费: running costs within basic expenditure (office, travel, utilities, vehicles)',
  basicExpenditure: '基本支出: spending that keeps the unit running (人员经费 + 公用经费)',
  projectExpenditure: '项目支出: spending on specific projects and tasks',
  educationFees: '其中:教育收费: education fees within 事业收入',
  businessIncome: '事业收入: income from the unit’s public-service activities',
  operatingIncome: '经营收入: income from non-core commercial activities',
  superiorSubsidy: '上级补助收入: subsidies from the superior unit (not fiscal appropriations)',
  subordinateRemittance: '附属单位上缴收入: remittances from subordinate units',
  otherIncome: '其他收入: income of no other category',
  generalBudget: '一般公共预算: the general public budget fund',
  govFund: '政府性基金: the government-managed fund budget',
  soeCapital: '国有资本经营预算: the state-capital operations budget',
  fiscalAppropriation: '财政拨款收入: appropriations from the finance department (all fiscal funds)',
  specialAccountFunds: '财政专户管理资金: funds held in the fiscal special account (Jiangsu)',
  carryover: '上年结转: carried over from the previous year (Jiangsu)',
  remittanceToSuperior: '上缴上级支出: remitted to the superior unit',
  operatingExpenditure: '经营支出: spending on commercial activities',
  subsidyToSubordinate: '对附属单位补助支出: subsidies paid to subordinate units',
  reserveFund: '单位预留机动经费: reserve for unforeseen needs (Jiangsu)',
  carryForward: '结转下年: carried forward to the next year (Jiangsu)',
  remark: '备注: a remark printed on the line (text)',
  vehicleTotal: '公务用车购置及运行(维护)费: official vehicles, purchase and running together',
  vehiclePurchase: '公务用车购置费: purchase of official vehicles',
  vehicleOperation: '公务用车运行(维护)费: running and maintaining official vehicles',
  outboundTravel: '因公出国(境)费: official travel abroad',
  reception: '公务接待费: official hospitality',
  meeting: '会议费: meetings',
  training: '培训费: training',
  operatingCosts: '机关运行经费: running costs of the administrative organs',
  openingBalance: '年初结转和结余: balance brought forward at the start of the year',
  closingBalance: '年末结转和结余: balance carried forward at the end of the year',
  income: '本年收入: income of the year',
  category: '采购品目大类: procurement category (text)',
  project: '专项名称: the project a purchase belongs to (text)',
  economicItem: '经济科目: the economic classification item of a purchase (text)',
  item: '采购物品名称: the goods or service bought (text)',
  method: '采购组织形式: how the purchase is organised (text)',
};

/** The columns of the long export, with what each holds (docs/dataset.md). */
export const LONG_COLUMN_MEANINGS: Record<string, string> = {
  department_id:
    'canonical department id: <division code>:<normalised name>, the same across years and spellings (merges and renames of budgetdoc departments applied)',
  department: 'department name: the one given with budgetdoc departments --rename, else as printed',
  region_id: 'division code of the most specific region named (32 江苏省, 310107 上海市普陀区)',
  region: 'region as printed on a cover, province first',
  year: 'fiscal year the document is for',
  kind: 'final (决算), budget (预算), perf_target, perf_selfeval',
  level:
    'budget level: department or unit (部门 / 单位), _consolidated (汇总) or _own (本级) where printed; blank where nothing says',
  table_type: 'the table type (final.income, budget.gpb_functional, ...) or narrative (the 情况说明 figures)',
  scope: 'general_budget (一般公共预算) or fiscal (财政拨款) where a type is printed twice (Jiangsu); blank otherwise',
  row_code:
    'the line: its printed 功能 / 经济分类 code (text, leading zeros kept); for a line without one, side:name (income:收入合计) or its procurement path; a narrative figure key',
  row_name: 'the line label as printed (a narrative figure: its subject as printed)',
  column_key: 'the schema key of the column (this dictionary); a narrative figure: budget or final (预算数 / 决算数)',
  column_header: 'the printed header the key stands for (预算 in a 预算 table); a narrative figure: 预算数 / 决算数',
  value: 'the amount as printed in the table unit, to the printed decimals (thousands separators dropped)',
  unit: '万元 or 元, as printed',
  value_yuan: 'the amount in 元, exact decimal (Parquet: DECIMAL(28,6)); blank where the unit is unknown',
  status: 'the record status: ok, partial or failed',
  verification: 'verified (a passing identity covers the value), contradicted (a failing one does) or unchecked',
  file: 'the file the value was printed in',
  page: '1-based page (sheet index for a workbook)',
  bbox: 'x0 y0 x1 y1 in PDF points, top-left origin; blank where the format has no positions',
};

type Shape = { shape?: Record<string, unknown> };

/** The column keys a record schema's rows accept, in schema order (z.partialRecord over the family's keys). */
export function schemaValueKeys(schema: z.ZodType): string[] {
  const rows = (schema as Shape).shape?.rows as { element?: Shape } | undefined;
  const values = rows?.element?.shape?.values as { keyType?: { options?: string[] } } | undefined;
  return [...(values?.keyType?.options ?? [])];
}

let labels: Map<string, Map<string, string>> | undefined;

/** The printed header a key stands for in a table type; a 预算 table's says 预算 where the family's says 决算. */
export function columnHeader(tableType: string, key: string): string | undefined {
  labels ??= new Map(
    dataDictionary().map((t) => [
      t.tableType,
      new Map(
        t.columns.map((c) => [c.key, t.tableType.startsWith('budget.') ? c.label.replace(/决算/g, '预算') : c.label]),
      ),
    ]),
  );
  return labels.get(tableType)?.get(key);
}

/** Every dictionary entry: the amount keys of every table type, the narrative figures, the export columns. */
export function datasetDictionary(): DictionaryEntry[] {
  const tables = new Map(dataDictionary().map((t) => [t.tableType, t]));
  const out: DictionaryEntry[] = [];
  for (const [tableType, schema] of Object.entries(RECORD_SCHEMAS)) {
    const table = tables.get(tableType);
    if (!table) continue;
    for (const key of schemaValueKeys(schema)) {
      const column = table.columns.find((c) => c.key === key);
      out.push({
        entry: 'value',
        table_type: tableType,
        family: table.family,
        key,
        printed_header: columnHeader(tableType, key) ?? key,
        header_patterns: (column?.headers ?? []).map((h) => `${h.patterns.join(' | ')} (${h.from})`).join('; '),
        unit: column?.text ? 'text' : 'table unit (万元 or 元); value_yuan in 元',
        meaning: MEANINGS[key] ?? '',
      });
    }
  }
  for (const f of NARRATIVE_KEYS)
    out.push({
      entry: 'figure',
      table_type: 'narrative',
      family: 'narrative',
      key: f.key,
      printed_header: f.wording,
      header_patterns: '',
      unit: 'as printed (万元 or 元); value_yuan in 元',
      meaning: f.meaning,
    });
  for (const [key, meaning] of Object.entries(LONG_COLUMN_MEANINGS))
    out.push({
      entry: 'column',
      table_type: '',
      family: '',
      key,
      printed_header: '',
      header_patterns: '',
      unit: key === 'value_yuan' ? '元' : key === 'value' ? 'the unit column' : '',
      meaning,
    });
  return out;
}

/** The amount keys of the wide export's columns: every key a schema's rows accept, text columns left out, in order. */
export function wideValueKeys(): string[] {
  const keys: string[] = [];
  for (const t of dataDictionary()) for (const c of t.columns) if (!c.text && !keys.includes(c.key)) keys.push(c.key);
  for (const stage of ['budget', 'final']) if (!keys.includes(stage)) keys.push(stage);
  return keys;
}
