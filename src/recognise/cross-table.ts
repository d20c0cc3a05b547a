import type { Check } from '../../schemas/common.js';
import type { CrossTableCheck, RecognisedRecord } from './types.js';
import {
  TAIL_TOLERANCE_PER_ADDEND,
  type Operand,
  cellRef,
  equalCheck,
  sumOf,
  operandValue,
} from '../validate/sum-check.js';
import { isTotalRow } from './amount/code-tree.js';
import { squash } from './amount/text.js';
import { col } from './amount/families/index.js';

/**
 * Identities across the amount tables of one document (docs/domain.md §3.1): 01's 本年收入合计 = 02's
 * 合计; 01's 本年支出合计 = 03's 合计; 05's 基本支出 合计 = 06's 合计; and 04's 本年支出合计 in its
 * 一般公共预算 column = 05's 合计 (both are the 一般公共预算财政拨款 spent). Applied per kind (决算 / 预算). Column keys
 * are checked against the family files (`col`): a key no family declares does not compile.
 */
type Row = RecognisedRecord['rows'][number] & { side?: string };

/** The record of a type; of Jiangsu's two scopes, the 一般公共预算 one. */
export function find(records: RecognisedRecord[], type: string): RecognisedRecord | undefined {
  const all = records.filter((r) => r.tableType === type);
  return all.find((r) => r.scope !== 'fiscal') ?? all[0];
}

/**
 * The summary line of one side: 本年收入合计 / 当年收入小计, else the 总计 line when nothing is carried
 * over. Looks through every record of the type: a 总表 printed over two pages may come as two records.
 */
export function summaryYearTotalRef(
  records: RecognisedRecord[],
  side: 'income' | 'expenditure',
  key?: string,
): Operand {
  for (const record of records) {
    const rows = (record.rows as Row[]).filter((r) => r.side === side);
    const year = rows.find((r) => /^(本年|当年)(收入|支出)(合计|小计)$/.test(squash(r.name)));
    const line = year ?? rows.find((r) => /总计$/.test(squash(r.name)));
    if (!line) continue;
    if (key) return key in line.values ? cellRef(line, key) : undefined;
    const k = line.values.amount != null ? 'amount' : line.values.total != null ? 'total' : undefined;
    return k ? cellRef(line, k) : null;
  }
  return undefined;
}

export const summaryYearTotal = (records: RecognisedRecord[], side: 'income' | 'expenditure', key?: string) =>
  operandValue(summaryYearTotalRef(records, side, key));

export const all = (records: RecognisedRecord[], type: string) => records.filter((r) => r.tableType === type);

/** The table's 合计 line in one column; several printed totals (Shanghai 06: 人员 + 公用) add up. */
export function tableTotalRef(record: RecognisedRecord, key: string): Operand {
  const totals = record.rows.filter((r) => isTotalRow(r) && key in r.values);
  if (totals.length === 0) return undefined;
  return totals.length === 1 ? cellRef(totals[0], key) : sumOf(totals.map((r) => cellRef(r, key)));
}

export const tableTotal = (record: RecognisedRecord, key: string) => operandValue(tableTotalRef(record, key));

function pair(checks: Check[], rule: string, description: string, a: Operand, b: Operand): void {
  const check = equalCheck(rule, a, b, TAIL_TOLERANCE_PER_ADDEND, description);
  if (check) checks.push(check);
}

function forKind(records: RecognisedRecord[], kind: 'final' | 'budget'): Check[] {
  const checks: Check[] = [];
  const summary = all(records, `${kind}.summary`);
  const fiscal = all(records, `${kind}.fiscal_summary`);
  const income = find(records, `${kind}.income`);
  const expenditure = find(records, `${kind}.expenditure`);
  const functional = find(records, `${kind}.gpb_functional`);
  const economic = find(records, `${kind}.gpb_basic_economic`);
  if (income)
    pair(
      checks,
      `${kind}.cross.summary_income`,
      '总表 本年收入合计 = 收入表 合计',
      summaryYearTotalRef(summary, 'income'),
      tableTotalRef(income, col('income', 'total')),
    );
  if (expenditure)
    pair(
      checks,
      `${kind}.cross.summary_expenditure`,
      '总表 本年支出合计 = 支出表 合计',
      summaryYearTotalRef(summary, 'expenditure'),
      tableTotalRef(expenditure, col('expenditure', 'total')),
    );
  if (functional)
    pair(
      checks,
      `${kind}.cross.fiscal_functional`,
      '财政拨款总表 本年支出合计 (一般公共预算) = 功能分类表 合计',
      summaryYearTotalRef(fiscal, 'expenditure', col('fiscal_summary', 'generalBudget')),
      tableTotalRef(functional, col('gpb_functional', 'total')),
    );
  if (functional && economic)
    pair(
      checks,
      `${kind}.cross.basic_functional_economic`,
      '功能分类表 基本支出 合计 = 经济分类表 合计',
      tableTotalRef(functional, col('gpb_functional', 'basicExpenditure')),
      tableTotalRef(economic, col('gpb_basic_economic', 'total')),
    );
  return checks;
}

export const amountCrossTableChecks: CrossTableCheck[] = [
  (records) => forKind(records, 'final'),
  (records) => forKind(records, 'budget'),
];
