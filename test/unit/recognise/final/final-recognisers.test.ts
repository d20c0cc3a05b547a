import { describe, expect, it } from 'vitest';
import { finalRecognisers } from '../../../../src/recognise/final/index.js';
import { amountCrossTableChecks } from '../../../../src/recognise/cross-table.js';
import type { RecognisedRecord } from '../../../../src/recognise/types.js';
import { runBest } from '../amount/run.js';
import { gridTable } from '../amount/fixture.js';

describe('决算 recognisers', () => {
  it('cover every final.* type of docs/architecture.md, each with its schema', () => {
    expect(finalRecognisers.map((r) => r.tableType)).toEqual([
      'final.summary',
      'final.income',
      'final.expenditure',
      'final.fiscal_summary',
      'final.gpb_functional',
      'final.gpb_basic_economic',
      'final.three_public',
      'final.gov_fund',
      'final.soe_capital',
      'final.empty_index',
    ]);
    for (const r of finalRecognisers) expect(r.schema.safeParse({}).success).toBe(false);
  });

  it('reads the seed 001 empty-table index: which tables are empty and why', () => {
    const t = gridTable([
      ['序号', '内容', '是否\n空表', '表格为空的理由'],
      ['表1', '收入支出决算总表', '否', ''],
      ['表8', '政府性基金预算财政拨款收入支出决算表', '是', '本单位无政府性基金'],
    ]);
    const { rec, record, parsed } = runBest(t, 'final');
    expect(rec.tableType).toBe('final.empty_index');
    expect(record.rows).toEqual([]);
    expect(record.entries).toEqual([
      expect.objectContaining({ seq: '表1', title: '收入支出决算总表', isEmpty: false, reason: null }),
      expect.objectContaining({
        seq: '表8',
        title: '政府性基金预算财政拨款收入支出决算表',
        isEmpty: true,
        reason: '本单位无政府性基金',
      }),
    ]);
    expect(parsed.success).toBe(true);
  });

  it('keeps the blank 合计 line of an empty 公开08表 (本年支出 over 小计 / 基本支出 / 项目支出)', () => {
    const t = gridTable(
      [
        ['项    目', '<', '年初结转和结余', '本年收入', '本年支出', '<', '<', '年末结转和结余'],
        ['功能分类科目编码', '科目名称', '^', '^', '小计', '基本支出', '项目支出', '^'],
        ['合计', '', '', '', '', '', '', ''],
      ],
      [
        '政府性基金预算财政拨款收入支出决算表',
        '公开08表',
        '编制部门：咸阳市杨陵区人民代表大会常务委员会办公室 金额单位：万元',
      ],
    );
    const { rec, record, checks, parsed } = runBest(t);
    expect(rec.tableType).toBe('final.gov_fund');
    expect(record.department).toBe('咸阳市杨陵区人民代表大会常务委员会办公室');
    expect(record.rows).toEqual([
      expect.objectContaining({
        name: '合计',
        values: {
          openingBalance: null,
          income: null,
          total: null,
          basicExpenditure: null,
          projectExpenditure: null,
          closingBalance: null,
        },
      }),
    ]);
    expect(checks).toEqual([]);
    expect(parsed.success).toBe(true);
  });
});

describe('决算 cross-table checks (docs/domain.md §3.1)', () => {
  const row = (name: string, values: Record<string, number | null>, extra: Record<string, unknown> = {}) => ({
    name,
    values,
    provenance: {},
    ...extra,
  });
  const rec = (tableType: string, rows: unknown[], extra: Record<string, unknown> = {}) =>
    ({ tableType, rows, ...extra }) as unknown as RecognisedRecord;
  const records = [
    rec('final.summary', [
      row('本年收入合计', { amount: 533.64 }, { side: 'income' }),
      row('本年支出合计', { amount: 531.84 }, { side: 'expenditure' }),
    ]),
    rec('final.income', [row('合计', { total: 533.64 })]),
    rec('final.expenditure', [row('合计', { total: 531.84 })]),
    rec('final.gpb_functional', [row('合计', { total: 531.71, basicExpenditure: 488.71 })], {
      scope: 'general_budget',
    }),
    rec('final.gpb_basic_economic', [row('合计', { total: 490.68 })], { scope: 'general_budget' }),
  ];

  it('01 = 02 and 01 = 03 hold; 05 基本支出 ≠ 06 合计 is flagged as printed in seed 001', () => {
    const checks = amountCrossTableChecks.flatMap((c) => c(records));
    expect(checks.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['final.cross.summary_income', 533.64, 533.64, true],
      ['final.cross.summary_expenditure', 531.84, 531.84, true],
      ['final.cross.basic_functional_economic', 488.71, 490.68, false],
    ]);
  });

  it('04 本年支出合计 (一般公共预算) = 05 合计, reading the half of a 04表 split over two pages that prints it', () => {
    const split = [
      rec('final.fiscal_summary', [
        row('1、一般公共服务支出', { total: 531.71, generalBudget: 531.71 }, { side: 'expenditure' }),
      ]),
      rec('final.fiscal_summary', [
        row('本年支出合计', { total: 531.71, generalBudget: 531.71, govFund: null }, { side: 'expenditure' }),
      ]),
      rec('final.gpb_functional', [row('合计', { total: 531.71, basicExpenditure: 488.71 })]),
    ];
    expect(amountCrossTableChecks.flatMap((c) => c(split))).toEqual([
      expect.objectContaining({ rule: 'final.cross.fiscal_functional', expected: 531.71, actual: 531.71, ok: true }),
    ]);
  });

  it('adds up the two printed totals of the Shanghai 基本支出 table (人员经费合计 + 公用经费合计)', () => {
    const shanghai = [
      rec('final.gpb_functional', [row('合计', { total: 2940.05, basicExpenditure: 2336.91 })]),
      rec('final.gpb_basic_economic', [
        row('人员经费合计', { total: 2152.26 }),
        row('公用经费合计', { total: 184.65 }),
      ]),
    ];
    expect(amountCrossTableChecks.flatMap((c) => c(shanghai))).toEqual([
      expect.objectContaining({
        rule: 'final.cross.basic_functional_economic',
        expected: 2336.91,
        actual: 2336.91,
        ok: true,
      }),
    ]);
  });
});
