import { describe, expect, it } from 'vitest';
import { classifyAmountTable, findTitle } from '../../../../src/recognise/amount/classify.js';
import { bestRecogniser } from './run.js';
import { contextFor, gridTable } from './fixture.js';

const expenditureHeader = [
  ['项目', '<', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
  ['功能分类科目编码', '科目名称', '^', '^', '^', '^', '^', '^'],
];

describe('findTitle', () => {
  it('joins a title wrapped onto a continuation line and reads the 公开NN表 label', () => {
    expect(
      findTitle([
        '注：本表反映……。',
        '一般公共预算财政拨款“三公”经费',
        '及会议费、培训费支出决算表',
        '公开07表',
        '编制部门：X 金额单位：万元',
      ]),
    ).toEqual({
      title: '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表',
      label: '公开07表',
    });
  });

  it('does not glue the document heading, a sheet name or a bare 表一 label onto the title', () => {
    expect(
      findTitle(['上海市普陀区财政局2024年度部门决算', '一般公共预算财政拨款支出决算表', '单位：万元']).title,
    ).toBe('一般公共预算财政拨款支出决算表');
    expect(findTitle(['Sheet1', '一般公共预算财政拨款支出决算表（按功能分类科目）', '公开05表']).title).toBe(
      '一般公共预算财政拨款支出决算表(按功能分类科目)',
    );
    expect(findTitle(['表一', '收支预算总表', '部门：江苏省政协办公厅', '单位：万元'])).toEqual({
      title: '收支预算总表',
      label: '表一',
    });
  });
});

describe('classification', () => {
  it('types by the most specific title: 财政拨款收入支出决算总表 is not 收入支出决算总表', () => {
    const t = gridTable(
      [
        ['收入', '<', '支出', '<'],
        ['项目', '决算数', '项目', '合计'],
        ['一、一般公共预算财政拨款', '1.00', '一、一般公共服务支出', '1.00'],
      ],
      ['财政拨款收入支出决算总表', '单位：万元'],
    );
    expect(bestRecogniser(t)?.tableType).toBe('final.fiscal_summary');
  });

  it('types a 决算 table from its 公开NN表 label alone when the title is lost', () => {
    const t = gridTable(
      [...expenditureHeader, ['', '合计', '10.00', '10.00', '', '', '', '']],
      ['公开03表', '金额单位：万元'],
    );
    const c = classifyAmountTable(t, contextFor([t], 'final'));
    expect(c).toMatchObject({ family: 'expenditure', kind: 'final', score: 0.7 });
  });

  it('types a table whose title sits on the previous page by its repeated header', () => {
    const first = gridTable(
      [...expenditureHeader, ['201', '一般公共服务支出', '10.00', '10.00', '', '', '', '']],
      ['支出决算表', '单位：万元'],
      't1',
    );
    const second = gridTable(
      [...expenditureHeader, ['208', '社会保障和就业支出', '5.00', '5.00', '', '', '', '']],
      [],
      't2',
    );
    const c = classifyAmountTable(second, contextFor([first, second], 'final', 1));
    expect(c).toMatchObject({ family: 'expenditure', kind: 'final', score: 0.85, title: '支出决算表' });
  });

  it('falls back to header words (and the document kind) when nothing is printed above', () => {
    const grid = [...expenditureHeader, ['201', '一般公共服务支出', '10.00', '10.00', '', '', '', '']];
    const t = gridTable(grid, []);
    expect(classifyAmountTable(t, contextFor([t], 'budget'))).toMatchObject({
      family: 'expenditure',
      kind: 'budget',
      score: 0.4,
    });
    // Nothing says 决算 or 预算: no kind, so no amount type (a table belongs to one document; results are cached per table).
    const u = gridTable(grid, []);
    expect(classifyAmountTable(u, contextFor([u], 'unknown'))).toBeNull();
  });

  it('reads the kind from the title, then from 决算数 / 预算数 in the header', () => {
    const t = gridTable(
      [
        ['收入', '<', '支出', '<'],
        ['项目', '预算数', '项目', '预算数'],
        ['一、财政拨款收入', '1.00', '一、一般公共服务支出', '1.00'],
      ],
      [],
    );
    expect(bestRecogniser(t, 'final')?.tableType).toBe('budget.summary');
  });

  it('claims no text box or unrelated grid', () => {
    const note = gridTable([['2026年单位预算编制说明'], ['收入预算其中：财政拨款收入、事业收入']], ['单位编制说明']);
    const staff = gridTable(
      [
        ['序号', '单位名称', '备注'],
        ['1', '上海市普陀区财政局（本级）', ''],
      ],
      ['围的单位包括：'],
    );
    expect(bestRecogniser(note, 'budget')).toBeUndefined();
    expect(bestRecogniser(staff, 'final')).toBeUndefined();
  });
});
