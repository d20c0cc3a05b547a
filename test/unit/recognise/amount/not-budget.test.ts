import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSource, processDocument } from '../../../../src/pipeline/process-document.js';
import { bestRecogniser } from './run.js';
import { gridTable } from './fixture.js';

/**
 * Issue 11, "not a budget table": the header decides, never the budget words a table's cells hold. A reviewer's
 * checklist, a 目录 and a 名词解释 name every budget table and column in their cells and stay `unknown`.
 */
describe('tables that are no budget table', () => {
  it('keeps a reviewer’s checklist workbook unknown, though its cells name the 机关运行经费 table', () => {
    // Shaped as 2026年度普陀区部门预算公开情况检查表 prints (title, 部门名称, 公开网址, then 检查内容 / 符合要求 / 问题截图).
    const t = gridTable(
      [
        ['2026年度普陀区部门预算公开情况检查表', '<', '<', '<', '<'],
        ['部门名称: 上海市普陀区司法局', '<', '<', '<', '<'],
        ['2026年度部门预算公开检查内容', '<', '<', '符合要求', '问题截图'],
        ['及时性', '及时公开部门预算', '<', '是', ''],
        ['内容规范性', '《部门财务收支预算总表》', '<', '是', ''],
        ['^', '《部门一般公共预算支出功能分类预算表》', '<', '是', ''],
        ['^', '《部门一般公共预算基本支出部门预算经济分类预算表》', '<', '否', '合计与人员经费、公用经费之和不符'],
        ['^', '《部门“三公”经费和机关运行经费预算表》', '<', '是', ''],
      ],
      ['2026年部门预算'],
    );
    expect(bestRecogniser(t, 'budget')).toBeUndefined();
  });

  it('keeps a checklist with 序号 / 检查内容 / 检查结果 columns unknown, though its title names the 三公 table', () => {
    const t = gridTable(
      [
        ['序号', '检查内容', '检查结果', '备注'],
        ['1', '收支预算总表收入总计与支出总计是否相等', '是', ''],
        ['2', '机关运行经费预算数与三公经费预算表一致', '是', ''],
        ['3', '一般公共预算基本支出合计 = 人员经费 + 公用经费', '否', '相差0.01万元'],
      ],
      ['“三公”经费预算公开情况检查表'],
    );
    expect(bestRecogniser(t, 'budget')).toBeUndefined();
  });

  it('keeps a 名词解释 table unknown, though its terms are budget columns', () => {
    const t = gridTable(
      [
        ['名词', '解释'],
        ['财政拨款收入', '指单位从同级财政部门取得的财政预算资金。'],
        ['事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'],
        ['上级补助收入', '指从主管部门和上级单位取得的非财政补助收入。'],
        ['机关运行经费', '指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。'],
      ],
      ['名词解释'],
    );
    expect(bestRecogniser(t, 'budget')).toBeUndefined();
  });

  it('keeps a 目录 listing the budget tables unknown', () => {
    const t = gridTable(
      [
        ['目录', '<'],
        ['一、收支预算总表', '1'],
        ['二、收入预算总表', '2'],
        ['十一、一般公共预算机关运行经费支出预算表', '11'],
        ['十二、政府采购支出预算表', '12'],
      ],
      ['第二部分 2018年度部门预算表'],
    );
    expect(bestRecogniser(t, 'budget')).toBeUndefined();
  });

  it('still types a budget table whose header fits its family', () => {
    const t = gridTable(
      [
        ['科目编码', '科目名称', '机关运行经费支出'],
        ['', '合计', '2,094.58'],
        ['302', '商品和服务支出', '2,094.58'],
      ],
      ['一般公共预算机关运行经费支出预算表', '单位：万元'],
    );
    expect(bestRecogniser(t, 'budget')?.tableType).toBe('budget.operating_costs');
  });
});

const CORPUS = process.env.BUDGETDOC_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus', 'real');
const CHECKLIST = join(CORPUS, 'shanghai-putuo-2026-dept-budget-disclosure-checklist.xlsx');

describe('the real checklist workbook (read where the corpus lies)', () => {
  it.runIf(existsSync(CHECKLIST))(
    'types no table of shanghai-putuo-2026-dept-budget-disclosure-checklist.xlsx',
    async () => {
      const bytes = new Uint8Array(readFileSync(CHECKLIST));
      const { recognised } = await processDocument(bytes, localSource(bytes, CHECKLIST));
      expect(recognised.records.map((r) => r.tableType)).toEqual(['unknown']);
    },
  );
});
