import { describe, expect, it } from 'vitest';
import { projectTargetRecogniser as rec } from '../../../../src/recognise/perf/project-target.js';
import { formStarts, splitForms, splitFormTables } from '../../../../src/recognise/perf/split.js';
import type { PerfProjectTarget } from '../../../../schemas/perf-project-target.js';
import { buildTable, run } from './build-table.js';
import { SHANGHAI_TITLE, shanghaiContinuation, shanghaiForm } from './shanghai-grids.js';
import { seed001, seed001Representatives, seed003Activities } from './seed-grids.js';

const read = (t: Parameters<typeof run>[1]) => run(rec, t) as unknown as PerfProjectTarget;

describe('several 绩效 forms in one table (issue 11)', () => {
  it('splits at each title row: one table per form, each with its own title, year and indicators', () => {
    const rows = [
      ...shanghaiForm({ titleRows: true, name: '道路绿化日常养护' }),
      ...shanghaiForm({ titleRows: true, name: '行道树修剪' }),
    ];
    const table = buildTable(rows, ['上海市虹口区绿化和市容管理局2025年度项目绩效目标']);
    expect(formStarts(table)).toEqual([17]);
    const parts = splitForms(table);
    expect(parts.map((p) => [p.id, p.nRows, p.cells[0]!.text, p.context])).toEqual([
      ['t1', 17, SHANGHAI_TITLE, ['上海市虹口区绿化和市容管理局2025年度项目绩效目标']],
      // The heading above the table belongs to the first form; the second has its own title row.
      ['t1-f2', 17, SHANGHAI_TITLE, []],
    ]);
    const records = parts.map(read);
    expect(records.map((r) => [r.title, r.year, r.projectName?.value, r.indicators.length, r.status])).toEqual([
      [SHANGHAI_TITLE, 2025, '道路绿化日常养护', 4, 'ok'],
      [SHANGHAI_TITLE, 2025, '行道树修剪', 4, 'ok'],
    ]);
    // Every cell keeps its own provenance: the second form's 项目名称 is the original table's row 19.
    expect(records[1]!.projectName?.provenance.locator).toBe('t1/r19c1');
  });

  it('splits at the 项目名称 row of the next form where its title was dropped (a PDF joined across pages)', () => {
    const table = buildTable(
      [...shanghaiForm({ name: 'A' }), ...shanghaiForm({ name: 'B' })],
      [SHANGHAI_TITLE, '（2025年度）'],
    );
    const parts = splitForms(table);
    expect(parts.map((p) => [p.nRows, p.context])).toEqual([
      [15, [SHANGHAI_TITLE, '（2025年度）']],
      // The title lines repeated above every form (that is why the forms were joined): the second keeps them.
      [15, [SHANGHAI_TITLE, '（2025年度）']],
    ]);
    expect(parts.map((p) => read(p)).map((r) => [r.projectName?.value, r.year, r.indicators.length])).toEqual([
      ['A', 2025, 4],
      ['B', 2025, 4],
    ]);
  });

  it('keeps a form that continues without its title as one form', () => {
    const table = buildTable([...shanghaiForm(), ...shanghaiContinuation()], [SHANGHAI_TITLE, '（2025年度）']);
    expect(splitForms(table)).toEqual([table]);
    const r = read(table);
    expect(r.indicators.map((i) => [i.level1, i.level3, i.value?.text]).slice(3)).toEqual([
      ['效益指标', '资金使用管理', '合规'],
      ['效益指标', '道路绿化景观效果', '有效提升'],
      ['效益指标', '道路绿地完好率', '≥98.00(%)'],
    ]);
  });

  it('read unsplit, a table of two forms gives the first form only, never the second as indicator rows', () => {
    const r = read(buildTable([...shanghaiForm({ name: 'A' }), ...shanghaiForm({ name: 'B' })], [SHANGHAI_TITLE]));
    expect(r.indicators.map((i) => i.level3)).toEqual([
      '道路绿地养护面积',
      '养护作业按时完成率',
      '养护监理费用',
      '资金使用管理',
    ]);
  });

  it('leaves single forms alone: seed 001 (a repeated indicator header), seed 003, a title row at the top', () => {
    const tables = [
      buildTable(seed001()),
      buildTable(seed001Representatives()),
      buildTable(seed003Activities()),
      buildTable(shanghaiForm({ titleRows: true })),
    ];
    expect(splitFormTables(tables)).toEqual(tables);
  });
});
