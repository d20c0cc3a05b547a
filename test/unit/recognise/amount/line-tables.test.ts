import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../src/model/document.js';
import { PUTUO_GPB_FUNCTIONAL_ROWS } from '../../../fixtures/putuo-gpb-functional.js';
import { gridTable } from './fixture.js';
import { runBest } from './run.js';

const run = runBest;

// Shanghai 普陀区财政局 2024 决算, 一般公共预算财政拨款支出决算表 as printed (类 / 款 / 项 in three columns).
const shanghaiGpb = gridTable(
  [
    ['项目', '<', '<', '<', '合计', '基本支出', '项目支出'],
    ['支出功能分类科目编码', '<', '<', '科目名称', '^', '^', '^'],
    ['类', '款', '项', '^', '^', '^', '^'],
    // The 201 and 208 lines only: 合计 below is their sum, not the table's printed total.
    ...PUTUO_GPB_FUNCTIONAL_ROWS.slice(0, 12),
    ['', '', '', '合计', '2,433.38', '1,830.24', '603.14'],
  ],
  ['一般公共预算财政拨款支出决算表', '单位：万元'],
);

describe('coded line tables', () => {
  it('types a Shanghai table without a 公开NN表 label from its title and joins 类/款/项 codes', () => {
    const { rec, record, issues, checks, parsed } = run(shanghaiGpb);
    expect(rec.tableType).toBe('final.gpb_functional');
    expect(record.unit).toBe('万元');
    expect(record.title).toBe('一般公共预算财政拨款支出决算表');
    expect(record.rows).toHaveLength(13);
    expect(record.rows[2]).toMatchObject({
      code: '2010601',
      name: '行政运行',
      level: 3,
      values: { total: 1511.89, basicExpenditure: 1503.52, projectExpenditure: 8.37 },
    });
    expect(record.rows[0]).toMatchObject({ code: '201', level: 1 });
    expect(record.rows[3]!.values.basicExpenditure).toBeNull();
    expect(record.rows[12]).toMatchObject({ name: '合计', values: { total: 2433.38 } });
    expect(record.rows[12]!.code).toBeUndefined();
    expect(issues).toEqual([]);
    expect(checks.length).toBeGreaterThan(20);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.rule)).toEqual(
      expect.arrayContaining([
        'final.gpb_functional.row_total',
        'final.gpb_functional.tree',
        'final.gpb_functional.total',
      ]),
    );
    expect(parsed.success).toBe(true);
  });

  it('flags a deliberately wrong printed total with the failing rule and keeps every value', () => {
    const wrong = gridTable(
      shanghaiGpb.cells.length
        ? rowsOf(shanghaiGpb).map((r) => (r[3] === '合计' ? [...r.slice(0, 4), '2,443.38', ...r.slice(5)] : r))
        : [],
      shanghaiGpb.context,
    );
    const { record, checks } = run(wrong);
    const failed = checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.rule).sort()).toEqual(['final.gpb_functional.row_total', 'final.gpb_functional.total']);
    expect(failed.find((c) => c.rule === 'final.gpb_functional.total')).toMatchObject({
      expected: 2443.38,
      actual: 2433.38,
      tolerance: 0.02,
    });
    expect(record.rows.at(-1)!.values.total).toBe(2443.38);
  });

  it('maps a multi-row header (基本支出 over 小计/人员经费/公用经费) to one key per leaf, drops the column-number row', () => {
    const t = gridTable(
      [
        ['项目', '<', '本年支出合计', '基本支出', '<', '<', '项目支出', '备注'],
        ['功能分类科目编码', '科目名称', '^', '小计', '人员经费', '公用经费', '^', '^'],
        ['栏次', '', '1', '2', '3', '4', '5', '6'],
        ['', '合计', '531.71', '420.37', '390.05', '30.32', '111.34', ''],
        ['201', '一般公共服务支出', '531.71', '420.37', '390.05', '30.32', '111.34', ''],
        ['  20101', '人大事务', '531.71', '420.37', '390.05', '30.32', '111.34', ''],
        ['2010101', '行政运行', '４２０．３７', '420.37', '390.05', '30.32', '-', '见说明'],
        ['2010199', '其他人大事务支出', '111.34', '', '', '', '111.34', ''],
      ],
      [
        '一般公共预算财政拨款支出决算表',
        '公开05表',
        '编制部门：咸阳市杨陵区人民代表大会常务委员会办公室 金额单位：万元',
      ],
    );
    const { rec, record, checks, parsed } = run(t, 'final');
    expect(rec.tableType).toBe('final.gpb_functional');
    expect(record.rows.map((r) => r.code ?? null)).toEqual([null, '201', '20101', '2010101', '2010199']);
    expect(record.rows[3]).toMatchObject({
      values: { total: 420.37, basicExpenditure: 420.37, personnel: 390.05, publicFunds: 30.32, projectExpenditure: 0 },
      notes: { remark: '见说明' },
    });
    expect(record.scope).toBe('general_budget');
    expect(checks.filter((c) => c.rule === 'final.gpb_functional.basic_split').length).toBe(4);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(parsed.success).toBe(true);
  });

  it('reads the two side-by-side halves of the Shanghai 基本支出 table, each closed by its own total', () => {
    const t = gridTable(
      [
        ['经济分类科目编码', '<', '科目名称', '决算数', '经济分类科目编码', '<', '科目名称', '决算数'],
        ['类', '款', '^', '^', '类', '款', '^', '^'],
        ['301', '', '工资福利支出', '2,082.85', '302', '', '商品和服务支出', '171.07'],
        ['301', '01', '基本工资', '262.33', '302', '01', '办公费', '171.07'],
        ['301', '02', '津贴补贴', '1,820.52', '310', '', '资本性支出', '13.58'],
        ['303', '', '对个人和家庭的补助', '69.41', '310', '02', '办公设备购置', '13.58'],
        ['303', '04', '抚恤金', '', '', '', '', ''],
        ['', '', '生活补助', '69.41', '', '', '', ''],
        ['', '', '人员经费合计', '2,152.26', '', '', '公用经费合计', '184.65'],
      ],
      ['一般公共预算财政拨款基本支出决算表', '单位：万元'],
    );
    const { rec, record, checks, issues } = run(t);
    expect(rec.tableType).toBe('final.gpb_basic_economic');
    const names = record.rows.map((r) => r.name);
    expect(names).toEqual([
      '工资福利支出',
      '基本工资',
      '津贴补贴',
      '对个人和家庭的补助',
      '抚恤金',
      '生活补助',
      '人员经费合计',
      '商品和服务支出',
      '办公费',
      '资本性支出',
      '办公设备购置',
      '公用经费合计',
    ]);
    expect(issues.map((i) => i.code)).toEqual(['amount.row_without_code']);
    const totals = checks.filter((c) => c.rule === 'final.gpb_basic_economic.total');
    expect(totals).toHaveLength(2);
    expect(totals.every((c) => c.ok)).toBe(true);
    // 生活补助 has no code but is printed under 303: the printed arithmetic 303 = 抚恤金 + 生活补助 holds.
    expect(
      checks.find((c) => c.rule === 'final.gpb_basic_economic.tree' && c.description?.startsWith('303')),
    ).toMatchObject({ expected: 69.41, actual: 69.41, ok: true });
  });
});

function rowsOf(t: Table): string[][] {
  const rows = Array.from({ length: t.nRows }, () => Array.from({ length: t.nCols }, () => ''));
  for (const c of t.cells) rows[c.row]![c.col] = c.text;
  for (const c of t.cells) {
    for (let dc = 1; dc < c.colSpan; dc++) rows[c.row]![c.col + dc] = '<';
    for (let dr = 1; dr < c.rowSpan; dr++) rows[c.row + dr]![c.col] = '^';
  }
  return rows;
}
