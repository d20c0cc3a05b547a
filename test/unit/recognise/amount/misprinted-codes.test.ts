import { describe, expect, it } from 'vitest';
import { runBest } from './run.js';
import { gridTable } from './fixture.js';

const header = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
const context = ['一般公共预算支出预算表', '单位：万元'];

describe('codes that do not fit the tree (issue 11)', () => {
  it('places a misspaced 项 (7 11 02 for 2101102) by position: one warning, no failed check', () => {
    const t = gridTable(
      [
        header,
        ['', '合计', '30.00', '30.00', ''],
        ['210', '卫生健康支出', '30.00', '30.00', ''],
        ['21011', '行政事业单位医疗', '30.00', '30.00', ''],
        ['2101101', '行政单位医疗', '10.00', '10.00', ''],
        ['7 11 02', '事业单位医疗', '15.00', '15.00', ''],
        ['2101103', '公务员医疗补助', '5.00', '5.00', ''],
      ],
      context,
    );
    const { record, issues, checks, parsed } = runBest(t, 'budget');
    expect(issues.map((i) => i.code)).toEqual(['amount.code_misprinted']);
    expect(issues[0]!.message).toContain("'7 11 02'");
    expect(issues[0]!.message).toContain('2101102');
    expect(record.rows[4]).toMatchObject({ code: '2101102', printedCode: '7 11 02', level: 3, name: '事业单位医疗' });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(
      checks.find((c) => c.rule === 'budget.gpb_functional.tree' && c.description?.startsWith('21011 ')),
    ).toMatchObject({ expected: 30, actual: 30, ok: true });
    expect(parsed.success).toBe(true);
  });

  it('places a misread 款 as the parent of the 项 printed under it', () => {
    const t = gridTable(
      [
        header,
        ['', '合计', '12.00', '12.00', ''],
        ['201', '一般公共服务支出', '12.00', '12.00', ''],
        ['70106', '财政事务', '12.00', '12.00', ''],
        ['2010601', '行政运行', '8.00', '8.00', ''],
        ['2010650', '事业运行', '4.00', '4.00', ''],
      ],
      context,
    );
    const { record, issues, checks } = runBest(t, 'budget');
    expect(issues.map((i) => i.code)).toEqual(['amount.code_misprinted']);
    expect(record.rows[2]).toMatchObject({ code: '20106', printedCode: '70106', level: 2 });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(
      new Set(checks.filter((c) => c.rule === 'budget.gpb_functional.tree').map((c) => c.description!.split(':')[0])),
    ).toEqual(new Set(['201 一般公共服务支出', '20106 财政事务']));
  });

  it('places a code of the wrong length that extends no code above it', () => {
    const t = gridTable(
      [
        header,
        ['', '合计', '9.00', '9.00', ''],
        ['208', '社会保障和就业支出', '9.00', '9.00', ''],
        ['20805', '行政事业单位养老支出', '9.00', '9.00', ''],
        ['2080501', '行政单位离退休', '4.00', '4.00', ''],
        ['0805 05', '机关事业单位基本养老保险缴费支出', '5.00', '5.00', ''],
      ],
      context,
    );
    const { record, issues, checks } = runBest(t, 'budget');
    expect(issues.map((i) => i.code)).toEqual(['amount.code_misprinted']);
    expect(record.rows[4]).toMatchObject({ code: '2080505', printedCode: '0805 05', level: 3 });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('leaves codes that fit alone, and a wrong but well-formed code under its printed parent flagged as misplaced only', () => {
    const t = gridTable(
      [
        ['经济分类科目编码', '科目名称', '本年支出合计', '人员经费', '公用经费'],
        ['', '合计', '100.00', '100.00', ''],
        ['301', '工资福利支出', '100.00', '100.00', ''],
        ['30101', '基本工资', '60.00', '60.00', ''],
        ['30311', '住房公积金', '40.00', '40.00', ''],
      ],
      ['一般公共预算财政拨款基本支出决算表', '金额单位：万元'],
    );
    const { record, issues, checks } = runBest(t);
    expect(issues.map((i) => i.code)).toEqual(['amount.code_misplaced']);
    expect(record.rows[3]).toMatchObject({ code: '30311' });
    expect(record.rows[3]!.printedCode).toBeUndefined();
    expect(checks.every((c) => c.ok)).toBe(true);
  });
});
