import { describe, expect, it } from 'vitest';
import { findTitle } from '../../../../src/recognise/amount/classify.js';
import { bestRecogniser, runBest } from './run.js';
import { gridTable, pageWith, placeTable } from './fixture.js';

/** Jiangsu 财政拨款 / 一般公共预算 tables print code, name and one 金额 column: their header alone types nothing. */
const jiangsuLines = [
  ['功能科目代码', '功能科目名称', '金额'],
  ['', '合计', '24,458.43'],
  ['201', '一般公共服务支出', '24,458.43'],
  ['20131', '党委办公厅（室）及相关机构事务', '24,458.43'],
  ['2013101', '行政运行', '24,458.43'],
];

describe('titles kept whole (issue 11)', () => {
  it('drops a label printed before the title on its line, never leaving ":收支预算总表"', () => {
    expect(findTitle(['公开01表：收支预算总表', '单位：万元'])).toEqual({ title: '收支预算总表', label: '公开01表' });
    expect(findTitle(['附表1 部门收支总表', '单位：万元']).title).toBe('部门收支总表');
    expect(findTitle(['表3：支出预算总表']).title).toBe('支出预算总表');
    // A workbook sheet's number before its name (Shanghai budget system: 2.17单位支出总表).
    expect(findTitle(['2.17单位支出总表']).title).toBe('单位支出总表');
  });

  it('joins a title wrapped before its last characters, never leaving "表" or "算表"', () => {
    expect(
      findTitle([
        '2025年部门一般公共预算基本支出部门预算经济分类预',
        '算表',
        '编制部门：上海市普陀区人民政府办公室 单位：元',
      ]).title,
    ).toBe('2025年部门一般公共预算基本支出部门预算经济分类预算表');
    expect(findTitle(['上海市普陀区财政局', '2025年部门财政拨款收支预算总', '表', '单位：元']).title).toBe(
      '2025年部门财政拨款收支预算总表',
    );
  });

  it('cuts a 单位 or 部门 printed beside the title on its line', () => {
    expect(findTitle(['一般公共预算支出预算表        单位：万元']).title).toBe('一般公共预算支出预算表');
    expect(findTitle(['收支预算总表 部门：江苏省政协办公厅 金额单位：万元']).title).toBe('收支预算总表');
  });

  it('types a table whose title shares its line with the 单位 and reads that unit', () => {
    const t = gridTable(
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', '5.00', '5.00', ''],
        ['201', '一般公共服务支出', '5.00', '5.00', ''],
      ],
      ['一般公共预算支出预算表     单位：万元'],
    );
    const { rec, record } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.gpb_functional');
    expect(record.title).toBe('一般公共预算支出预算表');
    expect(record.unit).toBe('万元');
  });

  it('reads a unit printed in the header cell, 金额（单位：万元）', () => {
    const t = gridTable(
      [
        ['科目编码', '科目名称', '金额（单位：万元）'],
        ['', '合计', '5.00'],
        ['302', '商品和服务支出', '5.00'],
      ],
      ['一般公共预算机关运行经费支出预算表'],
    );
    const { record, issues } = runBest(t, 'budget');
    expect(record.unit).toBe('万元');
    expect(record.rows[0]!.values).toEqual({ total: 5 });
    expect(issues.map((i) => i.code)).toEqual([]);
  });

  it('reads a title caught inside the grid in one cell, with the 部门 and 单位 rows below it', () => {
    const t = gridTable(
      [['一般公共预算支出预算表', '', ''], ['部门：中共江苏省委办公厅', '', '单位：万元'], ...jiangsuLines],
      [],
    );
    const { rec, record } = runBest(t, 'budget');
    expect(rec.tableType).toBe('budget.gpb_functional');
    expect(record.title).toBe('一般公共预算支出预算表');
    expect(record.unit).toBe('万元');
    expect(record.rows[0]).toMatchObject({ name: '合计', values: { total: 24458.43 } });
  });
});

describe('titles from the page around the table (issue 11)', () => {
  it('finds the title printed above the 部门 / 单位 lines when the extractor attached only those', () => {
    // The title sits in large type 60 pt above the 部门 line: too far for the context the extractor attached.
    const t = placeTable(gridTable(jiangsuLines, ['部门：中共江苏省委办公厅', '单位：万元']), 7, 200);
    const page = pageWith(
      7,
      [
        ['一般公共预算支出预算表', 100],
        ['部门：中共江苏省委办公厅', 160],
        ['单位：万元', 176],
      ],
      [t],
    );
    // Before: typed by nothing (its header has no family words), kept unknown with 功能科目代码 as title.
    expect(
      bestRecogniser(gridTable(jiangsuLines, ['部门：中共江苏省委办公厅', '单位：万元']), 'budget'),
    ).toBeUndefined();
    const { rec, record, parsed } = runBest(t, 'budget', [t], [page]);
    expect(rec.tableType).toBe('budget.gpb_functional');
    expect(record.title).toBe('一般公共预算支出预算表');
    expect(record.unit).toBe('万元');
    expect(record.department).toBe('中共江苏省委办公厅');
    expect(parsed.success).toBe(true);
  });

  it('reads title, 部门 and 单位 from the foot of the previous page when the table starts a page', () => {
    const before = placeTable(
      gridTable(
        [
          ['科目编码', '科目名称', '金额'],
          ['', '合计', '10,403.11'],
          ['301', '工资福利支出', '10,403.11'],
        ],
        ['财政拨款基本支出预算表', '部门：中共江苏省委办公厅', '单位：万元'],
        't1',
      ),
      8,
      120,
    );
    const t = placeTable(gridTable(jiangsuLines, [], 't2'), 9, 60);
    const pages = [
      pageWith(
        8,
        [
          ['财政拨款基本支出预算表', 60],
          ['部门：中共江苏省委办公厅', 84],
          ['单位：万元', 100],
          ['一般公共预算支出预算表', 700],
          ['部门：中共江苏省委办公厅', 724],
          ['单位：万元', 740],
          ['- 8 -', 800],
        ],
        [before],
      ),
      pageWith(9, [['- 9 -', 800]], [t]),
    ];
    const { rec, record } = runBest(t, 'budget', [before, t], pages);
    expect(rec.tableType).toBe('budget.gpb_functional');
    expect(record.title).toBe('一般公共预算支出预算表');
    expect(record.unit).toBe('万元');
    expect(record.department).toBe('中共江苏省委办公厅');
  });

  it('takes nothing from the previous page for a table printed below another on its page', () => {
    const first = placeTable(
      gridTable(
        [
          ['科目编码', '科目名称', '金额'],
          ['', '合计', '1.00'],
        ],
        ['财政拨款基本支出预算表', '单位：万元'],
        't1',
      ),
      9,
      60,
    );
    const t = placeTable(gridTable(jiangsuLines, [], 't2'), 9, 300);
    const pages = [
      pageWith(8, [
        ['一般公共预算支出预算表', 700],
        ['单位：万元', 740],
      ]),
      pageWith(
        9,
        [
          ['财政拨款基本支出预算表', 20],
          ['单位：万元', 40],
        ],
        [first, t],
      ),
    ];
    expect(bestRecogniser(t, 'budget', [first, t], pages)).toBeUndefined();
  });

  it('never takes a document part heading or narrative far above for a title', () => {
    const t = placeTable(gridTable(jiangsuLines, ['单位：万元']), 3, 300);
    const page = pageWith(
      3,
      [
        ['第二部分 2018年度部门预算表', 60],
        ['具体公开表样附后。', 90],
        ['单位：万元', 280],
      ],
      [t],
    );
    expect(bestRecogniser(t, 'budget', [t], [page])).toBeUndefined();
  });
});
