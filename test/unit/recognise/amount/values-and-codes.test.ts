import { describe, expect, it } from 'vitest';
import { runBest } from './run.js';
import { gridTable } from './fixture.js';

/** These fixtures are fragments of a table, printed without its 合计 line: that finding is tested on its own below. */
const fragmentIssues = <T extends { code: string }>(issues: T[]) =>
  issues.filter((i) => i.code !== 'amount.required_row_missing');

const header = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']];

describe('values and codes of coded lines', () => {
  it('reads full-width digits, thousands separators, blank vs 0 vs -, and negative forms', () => {
    const t = gridTable(
      [
        ...header,
        ['201', '一般公共服务支出', '１，２３４．５０', '1,234.50', ''],
        ['20101', '人大事务', '1,234.50', '1,234.50', '-'],
        ['2010101', '行政运行', '1,234.50', '1,234.50', '0'],
        ['2010102', '一般行政管理事务', '(12.50)', '−12.50', ''],
      ],
      ['支出决算表', '单位：万元'],
    );
    const { record } = runBest(t);
    expect(record.rows.map((r) => r.values)).toEqual([
      { total: 1234.5, basicExpenditure: 1234.5, projectExpenditure: null },
      { total: 1234.5, basicExpenditure: 1234.5, projectExpenditure: 0 },
      { total: 1234.5, basicExpenditure: 1234.5, projectExpenditure: 0 },
      { total: -12.5, basicExpenditure: -12.5, projectExpenditure: null },
    ]);
  });

  it('splits codes from names, with leading spaces or in one cell, and builds 类/款/项 levels', () => {
    const t = gridTable(
      [
        ['项目', '合计', '基本支出', '项目支出'],
        ['  201  一般公共服务支出', '10.00', '10.00', ''],
        ['  20101 人大事务', '10.00', '10.00', ''],
        ['2010101　行政运行', '10.00', '10.00', ''],
      ],
      ['支出决算表', '单位：万元'],
    );
    const { record, issues } = runBest(t);
    expect(record.rows.map((r) => [r.code, r.name, r.level])).toEqual([
      ['201', '一般公共服务支出', 1],
      ['20101', '人大事务', 2],
      ['2010101', '行政运行', 3],
    ]);
    expect(fragmentIssues(issues)).toEqual([]);
  });

  it('keeps a line without a code, a code of odd length and an unreadable amount, each with an issue', () => {
    const t = gridTable(
      [
        ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        ['302', '商品和服务支出', '5.00', '', '5.00'],
        ['', '抚恤金', '1.00', '', '1.00'],
        ['3029', '错码', '4.00', '', '4.00'],
        ['30201', '办公费', '约4', '', '4.00'],
      ],
      ['一般公共预算财政拨款基本支出决算表', '单位：万元'],
    );
    const { record, issues } = runBest(t);
    expect(record.rows.map((r) => r.name)).toEqual(['商品和服务支出', '抚恤金', '错码', '办公费']);
    expect(record.rows[3]!.values.total).toBeNull();
    expect(
      fragmentIssues(issues)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['amount.code_length', 'amount.row_without_code', 'amount.unparsed_value']);
  });

  it('never assumes a unit: a table without a 单位 line gets null and an issue', () => {
    const t = gridTable([...header, ['201', '一般公共服务支出', '5.00', '5.00', '']], ['支出决算表']);
    const { record, issues } = runBest(t);
    expect(record.unit).toBeNull();
    expect(fragmentIssues(issues).map((i) => i.code)).toEqual(['amount.unit_missing']);
  });

  it('reports a column of amounts under a header no rule maps', () => {
    const t = gridTable(
      [
        ['科目编码', '科目名称', '合计', '神秘列'],
        ['201', '一般公共服务支出', '5.00', '3.00'],
      ],
      ['支出决算表', '单位：万元'],
    );
    const { issues } = runBest(t);
    expect(fragmentIssues(issues)).toEqual([
      expect.objectContaining({ code: 'amount.unmapped_column', message: expect.stringContaining('神秘列') }),
    ]);
  });

  it('does not take a 行次 column of line numbers for amounts', () => {
    const t = gridTable(
      [
        ['行次', '科目编码', '科目名称', '合计'],
        ['1', '201', '一般公共服务支出', '5.00'],
        ['2', '20101', '人大事务', '5.00'],
      ],
      ['支出决算表', '单位：万元'],
    );
    const { record, issues } = runBest(t);
    expect(record.rows.map((r) => [r.code, r.values])).toEqual([
      ['201', { total: 5 }],
      ['20101', { total: 5 }],
    ]);
    expect(fragmentIssues(issues)).toEqual([]);
  });

  it('pads a 款 printed without its leading zero (Shanghai 万里街道 2024) and says so', () => {
    const t = gridTable(
      [
        ['经济分类科目编码', '<', '科目名称', '合计', '人员经费', '公用经费'],
        ['类', '款', '^', '^', '^', '^'],
        ['301', '', '工资福利支出', '5.00', '5.00', ''],
        ['301', '2', '津贴补贴', '5.00', '5.00', ''],
      ],
      ['部门一般公共预算基本支出部门预算经济分类预算表', '单位：元'],
    );
    const { record, issues, checks } = runBest(t);
    expect(record.rows.map((r) => r.code)).toEqual(['301', '30102']);
    expect(fragmentIssues(issues).map((i) => i.code)).toEqual(['amount.code_padded']);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('checks the tree by print position and flags a code printed under the wrong parent (seed 001: 30311 住房公积金)', () => {
    const t = gridTable(
      [
        ...[['经济分类科目编码', '科目名称', '本年支出合计', '人员经费', '公用经费']],
        ['301', '工资福利支出', '100.00', '100.00', ''],
        ['30101', '基本工资', '60.00', '60.00', ''],
        ['30311', '住房公积金', '40.00', '40.00', ''],
      ],
      ['一般公共预算财政拨款基本支出决算表', '金额单位：万元'],
    );
    const { issues, checks } = runBest(t);
    expect(fragmentIssues(issues).map((i) => i.code)).toEqual(['amount.code_misplaced']);
    expect(checks.find((c) => c.rule === 'final.gpb_basic_economic.tree')).toMatchObject({
      expected: 100,
      actual: 100,
      ok: true,
    });
  });

  it('makes a coded table printed without its 合计 line partial, and says so', () => {
    const body = [
      ...header,
      ['201', '一般公共服务支出', '10.00', '10.00', ''],
      ['20101', '人大事务', '10.00', '10.00', ''],
    ];
    const without = runBest(gridTable(body, ['支出决算表', '单位：万元']));
    const missing = without.issues.filter((i) => i.code === 'amount.required_row_missing');
    // An error: validateRecord turns the record partial.
    expect(missing.map((i) => i.severity)).toEqual(['error']);
    const withTotal = runBest(
      gridTable([header[0]!, ['', '合计', '10.00', '10.00', ''], ...body.slice(1)], ['支出决算表', '单位：万元']),
    );
    expect(withTotal.issues.map((i) => i.code)).not.toContain('amount.required_row_missing');
  });
});
