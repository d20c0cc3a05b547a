import { describe, expect, it } from 'vitest';
import { audit, check, COVER, COVER_TABLE, docOf, prov, record, row } from './build.js';

const rule = (id: string, f: ReturnType<typeof audit>) => f.filter((x) => x.rule === id);
const doc = docOf([COVER, [], [], []], [COVER_TABLE]);

describe('cross_table.identity_failed / cross_table.rounding', () => {
  const summary = record('final.summary', 2, {
    rows: [row('本年收入合计', { amount: 533.64 }, 2, { cells: { amount: prov(2, 300) } })],
  });
  const income = record('final.income', 3, { rows: [row('合计', { total: 533.46 }, 3)] });
  const c = (over: Partial<Parameters<typeof check>[0]>) =>
    check({
      rule: 'final.cross.summary_income',
      description: '总表 本年收入合计 = 收入表 合计',
      covers: ['p2-t1:rows.0.values.amount', 'p3-t1:rows.0.values.total'],
      ...over,
    });
  it('fires on a failed identity across tables, at the first table’s cell', () => {
    const f = rule(
      'cross_table.identity_failed',
      audit(doc, [summary, income], [c({ expected: 533.64, actual: 533.46, ok: false })]),
    );
    expect(f[0]).toMatchObject({
      severity: 'error',
      page: 2,
      bbox: prov(2, 300).bbox,
      expected: 533.64,
      actual: 533.46,
    });
  });
  it('does not fire on a passing one; a pass within 尾差 is info', () => {
    expect(audit(doc, [summary, income], [c({})]).filter((x) => x.rule.startsWith('cross_table.'))).toHaveLength(0);
    const f = audit(doc, [summary, income], [c({ expected: 533.64, actual: 533.65, ok: true, rounding: true })]);
    expect(rule('cross_table.rounding', f)[0]?.severity).toBe('info');
    expect(f.some((x) => x.severity === 'error')).toBe(false);
  });
});

describe('cross_table.table_sum_failed / cross_table.table_sum_unread', () => {
  const failed = check({
    rule: 'final.income.row',
    expected: 533.46,
    actual: 533.64,
    ok: false,
    description: '合计: total = Σ',
    covers: ['rows.0.values.total'],
  });
  it('fires on a table’s failed sum, naming the printed total and the sum of its parts', () => {
    const f = rule('cross_table.table_sum_failed', audit(doc, [record('final.income', 3, { checks: [failed] })]));
    expect(f[0]).toMatchObject({ severity: 'error', page: 3, actual: 533.46, expected: 533.64 });
  });
  it('does not fire on a passing sum, and is a warning where the table was not read completely', () => {
    expect(
      rule(
        'cross_table.table_sum_failed',
        audit(doc, [record('final.income', 3, { checks: [check({ rule: 'final.income.row' })] })]),
      ),
    ).toHaveLength(0);
    const misread = { severity: 'error' as const, code: 'record.printed_value_missing', message: '2 numbers' };
    const f = audit(doc, [record('final.income', 3, { checks: [failed], issues: [misread] })]);
    expect(rule('cross_table.table_sum_failed', f)).toHaveLength(0);
    expect(rule('cross_table.table_sum_unread', f)[0]?.severity).toBe('warning');
  });
});

describe('cross_document.figure_mismatch', () => {
  // A narrative-only file (Jiangsu's 部门预算公开文件) and the tables file of the same department and year.
  const narrative = docOf(
    [['江苏省某厅2019年度部门决算公开文件'], ['一、收支决算总体情况说明', '2019年度总收入533.64万元。']],
    [COVER_TABLE],
  );
  const tables = (income: number) => [
    record('final.summary', 1, {
      rows: [
        row('本年收入合计', { amount: income }, 1, { side: 'income' }),
        row('本年支出合计', { amount: income }, 1, { side: 'expenditure' }),
      ],
    }),
    record('final.income', 2),
    record('final.expenditure', 3),
  ];
  const peer = (income: number) => [{ sourceId: 'b'.repeat(64), fileName: 'tables.pdf', records: tables(income) }];
  it('fires where the narrative file restates a figure the tables file prints otherwise', () => {
    const f = rule('cross_document.figure_mismatch', audit(narrative, [], [], peer(500)));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', page: 2, expected: 500, actual: 533.64 });
    expect(f[0]!.message).toContain('tables.pdf');
  });
  it('does not fire where they agree, nor without a peer', () => {
    expect(rule('cross_document.figure_mismatch', audit(narrative, [], [], peer(533.64)))).toHaveLength(0);
    expect(rule('cross_document.figure_mismatch', audit(narrative))).toHaveLength(0);
  });
});
