import type { RecognisedRecord } from '../types.js';
import { all, find, summaryYearTotalRef, tableTotalRef } from '../cross-table.js';
import { type Operand, cellRef, operandValue } from '../../validate/sum-check.js';
import { squash } from '../amount/text.js';
import type { Statement } from './statements.js';

/** The table figure a statement restates, with the record's unit; undefined when no table prints it. */
export interface TableFigure {
  value: number | null;
  /** Where the value sits in its record, so the check covers it (src/validate/verification.ts). */
  operand: Operand;
  unit: string;
  /** What the figure is in print, for the check's description. */
  label: string;
}

type Row = RecognisedRecord['rows'][number] & { side?: string };

/** 收入总计 of a 收入支出总表 (the grand total, carry-overs included). */
function grandTotal(records: RecognisedRecord[]): { value: Operand; unit: string | null } | undefined {
  for (const record of records) {
    const line = (record.rows as Row[]).find((r) => r.side === 'income' && /^收入总计$|^总计$/.test(squash(r.name)));
    if (line)
      return {
        value:
          line.values.amount != null
            ? cellRef(line, 'amount')
            : line.values.total != null
              ? cellRef(line, 'total')
              : null,
        unit: record.unit,
      };
  }
  return undefined;
}

const unitOf = (records: RecognisedRecord[]) => records.find((r) => r.unit)?.unit ?? null;

function figure(operand: Operand, unit: string | null, label: string): TableFigure | undefined {
  const value = operandValue(operand);
  return value === undefined || !unit ? undefined : { value, operand, unit, label };
}

/** 三公 rows are 预算数 and 决算数 (公开07表); a budget table prints the 预算数 row only. */
function threePublic(records: RecognisedRecord[], kind: 'final' | 'budget', st: Statement): TableFigure | undefined {
  const record = find(records, `${kind}.three_public`);
  if (!record || !st.column) return undefined;
  const stage = st.stage ?? kind;
  const row = record.rows.find((r) => (stage === 'final' ? /决算/ : /预算/).test(r.name));
  if (!row || !(st.column in row.values)) return undefined;
  return figure(cellRef(row, st.column) ?? null, record.unit, `三公 ${row.name} ${st.column}`);
}

/** 政府采购 (budget.procurement): the table's 合计 line; a 决算 has no procurement table, so nothing to compare. */
function procurement(records: RecognisedRecord[], kind: 'final' | 'budget'): TableFigure | undefined {
  const record = find(records, `${kind}.procurement`);
  return record && figure(tableTotalRef(record, 'total'), record.unit, '政府采购预算表 合计');
}

/**
 * 机关运行经费: the 合计 of its own table (Jiangsu 一般公共预算机关运行经费支出预算表), else the 机关运行经费
 * column of the 三公 table (Shanghai's “三公”经费和机关运行经费预算表).
 */
function operatingCosts(records: RecognisedRecord[], kind: 'final' | 'budget'): TableFigure | undefined {
  const own = find(records, `${kind}.operating_costs`);
  const total = own && figure(tableTotalRef(own, 'total'), own.unit, '机关运行经费表 合计');
  if (total) return total;
  const three = find(records, `${kind}.three_public`);
  const row = three?.rows.find(
    (r) => (kind === 'final' ? /决算/ : /预算/).test(r.name) && 'operatingCosts' in r.values,
  );
  return three && row && figure(cellRef(row, 'operatingCosts') ?? null, three.unit, `三公 ${row.name} 机关运行经费`);
}

/** Measures read from a 收入支出总表: (family, which line, label in print). */
const SUMMARY_LINES: Partial<
  Record<Statement['measure'], ['summary' | 'fiscal_summary', 'income' | 'expenditure' | 'grand', string]>
> = {
  total_income: ['summary', 'income', '收支总表 本年收入合计'],
  total_expenditure: ['summary', 'expenditure', '收支总表 本年支出合计'],
  grand_total: ['summary', 'grand', '收支总表 收入总计'],
  fiscal_income: ['fiscal_summary', 'income', '财政拨款收支总表 本年收入合计'],
  fiscal_expenditure: ['fiscal_summary', 'expenditure', '财政拨款收支总表 本年支出合计'],
  fiscal_grand_total: ['fiscal_summary', 'grand', '财政拨款收支总表 收入总计'],
};

/** The figure of `kind`'s tables (决算 or 预算) that a statement restates. */
export function tableFigure(
  records: RecognisedRecord[],
  kind: 'final' | 'budget',
  st: Statement,
): TableFigure | undefined {
  const line = SUMMARY_LINES[st.measure];
  if (line) {
    const [family, which, label] = line;
    const summary = all(records, `${kind}.${family}`);
    if (which !== 'grand') return figure(summaryYearTotalRef(summary, which), unitOf(summary), label);
    const g = grandTotal(summary);
    return g && figure(g.value, g.unit, label);
  }
  if (st.measure === 'gpb_expenditure') {
    const functional = find(records, `${kind}.gpb_functional`);
    return functional && figure(tableTotalRef(functional, 'total'), functional.unit, '一般公共预算财政拨款支出表 合计');
  }
  if (st.measure === 'procurement') return procurement(records, kind);
  if (st.measure === 'operating_costs') return operatingCosts(records, kind);
  return st.measure === 'three_public' ? threePublic(records, kind, st) : undefined;
}
