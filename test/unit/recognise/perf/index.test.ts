import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../src/model/document.js';
import { perfRecognisers } from '../../../../src/recognise/perf/index.js';
import { buildTable, contextFor } from './build-table.js';
import { CONTEXT_1, seed001, seed001Representatives, seed003Activities, seed003Meetings } from './seed-grids.js';

describe('perfRecognisers', () => {
  it('holds the four 绩效 table types once each', () => {
    expect(perfRecognisers.map((r) => r.tableType).sort()).toEqual([
      'perf.dept_selfeval',
      'perf.dept_target',
      'perf.project_selfeval',
      'perf.project_target',
    ]);
  });
});

describe('classification among the 绩效 recognisers', () => {
  const cases: Array<[string, Table]> = [
    ['perf.project_selfeval', buildTable(seed001Representatives())],
    ['perf.project_selfeval', buildTable(seed001Representatives('64.98', false))],
    ['perf.dept_selfeval', buildTable(seed001())],
    ['perf.project_target', buildTable(seed003Activities(), CONTEXT_1)],
    ['perf.project_target', buildTable(seed003Meetings())],
  ];
  it.each(cases)('%s wins on its seed grid, with a clear margin', (type, table) => {
    const scores = perfRecognisers
      .map((r) => [r.tableType, r.score(table, contextFor(table))] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(scores[0]![0]).toBe(type);
    expect(scores[0]![1] - scores[1]![1]).toBeGreaterThanOrEqual(0.4);
  });
});
