import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvChunk } from '../../../src/export/csv.js';
import { INDICATOR_COLUMNS, indicatorRows } from '../../../src/export/indicator-rows.js';
import { deptTargetRecord, projectSelfevalRecord, stored, summaryRecord } from './fixtures.js';

describe('indicatorRows', () => {
  it('maps a target table: 指标值 into value*, no actual or score', () => {
    const [row, ...rest] = indicatorRows(stored(deptTargetRecord()));
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      tableType: 'perf.dept_target',
      kind: 'perf_target',
      indicatorIndex: 1,
      level1: '产出指标',
      level1Points: 50,
      level2: '质量指标',
      level3: '验收合格率',
      valueType: '≥',
      valueText: '≥90%',
      valueOperator: '≥',
      valueNumber: 90,
      valueUnit: '%',
      locator: 'table[1]/row[20]/cell[3]',
      extractor: 'html/cheerio@1.2.0',
    });
    expect(row).not.toHaveProperty('actualText');
    expect(row!.score).toBeUndefined();
  });

  it('maps a self-evaluation: 年度指标值 into value*, 实际完成值 into actual*, points and score, and the project name', () => {
    const [row] = indicatorRows(stored(projectSelfevalRecord()));
    expect(row).toMatchObject({
      projectName: '人大会议',
      level3: '召开会议次数',
      level3Points: 10,
      valueText: '≥3次',
      valueNumber: 3,
      actualText: '4次',
      actualOperator: null,
      actualNumber: 4,
      actualUnit: '次',
      points: 10,
      score: 9.5,
      part: 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      locator: '预算项目自评表!E13',
    });
    const [back] = parse(csvChunk([row!], INDICATOR_COLUMNS, { header: true }), { columns: true }) as Record<
      string,
      string
    >[];
    expect(back).toMatchObject({ valueOperator: '≥', actualOperator: '', score: '9.5', level1Points: '' });
  });

  it('writes nothing for an amount table', () => {
    expect(indicatorRows(stored(summaryRecord()))).toEqual([]);
  });
});
