import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../src/model/document.js';
import { recognisers } from '../../../../src/recognise/registry.js';
import { ownTitle } from '../../../../src/recognise/perf/classify.js';
import { projectSelfevalRecogniser } from '../../../../src/recognise/perf/project-selfeval.js';
import type { PerfProjectSelfeval } from '../../../../schemas/perf-project-selfeval.js';
import { buildTable, contextFor, run, type Spec } from './build-table.js';
import { seed001Representatives } from './seed-grids.js';
import { SHANGHAI_TITLE, shanghaiForm } from './shanghai-grids.js';

/** The registry's choice: the best score of every recogniser, at least 0.3 (src/recognise/registry.ts). */
function typed(t: Table): string {
  const scored = recognisers.map((r) => [r.tableType, r.score(t, contextFor(t))] as const).sort((a, b) => b[1] - a[1]);
  return scored[0]![1] >= 0.3 ? scored[0]![0] : 'unknown';
}

/** Seed 001's 自评表 grid with its own first row printing `项目支出绩效自评表`. */
function selfeval(): Spec[][] {
  const rows = seed001Representatives();
  rows[0] = [['项目支出绩效自评表', 1, 8]];
  return rows;
}

describe("a form's own title row decides its type over a heading before it (issue 11)", () => {
  it.each([
    ['XX局2022年度绩效自评结果'],
    // A heading naming the 部门整体 form used to veto the 项目 form under it.
    ['XX局2022年度部门整体支出绩效自评结果'],
    ['部门整体支出绩效自评表'],
  ])('a 项目支出绩效自评表 under "%s" is perf.project_selfeval, titled by its own row', (heading) => {
    const t = buildTable(selfeval(), [heading]);
    expect(ownTitle(t)).toBe('项目支出绩效自评表');
    expect(typed(t)).toBe('perf.project_selfeval');
    const r = run(projectSelfevalRecogniser, t) as unknown as PerfProjectSelfeval;
    expect([r.title, r.projectName?.value, r.indicators.length]).toEqual(['项目支出绩效自评表', '代表工作', 8]);
  });

  it('a 财政项目支出绩效目标填报表 under a 部门整体 heading is perf.project_target, not perf.dept_target', () => {
    expect(typed(buildTable(shanghaiForm({ titleRows: true }), ['部门整体支出绩效目标申报表']))).toBe(
      'perf.project_target',
    );
  });

  it('a table that prints no title of its own is still typed by the lines above it', () => {
    const rows = seed001Representatives().slice(2);
    const t = buildTable(rows, ['项目支出绩效自评表', '（2019年度）']);
    expect(ownTitle(t)).toBeNull();
    expect(typed(t)).toBe('perf.project_selfeval');
    expect(typed(buildTable(shanghaiForm(), [SHANGHAI_TITLE]))).toBe('perf.project_target');
  });
});
