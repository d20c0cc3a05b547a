import { describe, expect, it } from 'vitest';
import { perfCompleteness } from '../../../../src/recognise/perf/completeness.js';
import { perfRecognisers } from '../../../../src/recognise/perf/index.js';
import { buildTable, contextFor } from './build-table.js';
import { CONTEXT_1, META_003, seed003Activities } from './seed-grids.js';

const indicator = (text: string) => ({
  level1: '产出指标',
  level3: '召开会议次数',
  value: { operator: null, value: null, unit: null, text },
});

describe('perf completeness', () => {
  it('makes a form whose every 指标值 is empty an error, naming how many', () => {
    const issues = perfCompleteness('perf.project_target', { indicators: [indicator(''), indicator('')] } as never);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'perf.indicator_values_empty',
        message: expect.stringContaining('2 indicators'),
      }),
    ]);
  });

  it('accepts a form where some targets are printed, and a 自评表 by its 年度指标值', () => {
    expect(
      perfCompleteness('perf.project_target', { indicators: [indicator(''), indicator('≥6次')] } as never),
    ).toEqual([]);
    expect(
      perfCompleteness('perf.project_selfeval', { indicators: [{ target: null, actual: { text: '100%' } }] } as never),
    ).toHaveLength(1);
  });

  it('adds nothing to seed 003, whose targets are all printed', () => {
    const rec = perfRecognisers.find((r) => r.tableType === 'perf.project_target')!;
    const t = buildTable(seed003Activities(), CONTEXT_1);
    expect(rec.recognise(t, contextFor(t, META_003)).issues.map((i) => i.code)).not.toContain(
      'perf.indicator_values_empty',
    );
  });
});
