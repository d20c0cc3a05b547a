import { describe, expect, it } from 'vitest';
import { deptTargetRecogniser as rec } from '../../../../src/recognise/perf/dept-target.js';
import type { DeptTargetRecord } from '../../../../schemas/perf-dept-target.js';
import { buildTable, run, type Spec } from './build-table.js';

const HEADER: Spec[] = [
  '一级指标',
  '二级指标',
  '*三级指标',
  '*指标值类型',
  '*指标值',
  '*评/扣分标准',
  '*指标值说明',
  '备注',
];

/**
 * Seed 004's indicator block as a text extract gives it: every merge lost (blank cells), each 二级
 * group opened by a heading row that prints its label and an explanation but no 三级指标.
 */
const seed004Lost: Spec[][] = [
  [['省级部门（单位）整体绩效目标申报表', 1, 8]],
  HEADER,
  ['产出指标', '重点工作任务完成', '', '', '', '-', '反映本部门负责的重点工作任务进展情况。', ''],
  [
    '',
    '',
    '重大会议、活动参与率',
    '≥',
    '95',
    '该指标达到95%得5分，每降低百分之二扣1分。',
    '该指标主要考察重大会议、活动参与情况',
    '5分',
  ],
  [
    '',
    '',
    '机关大院维护维修率',
    '≥',
    '95',
    '该指标达到95%得5分，每降低百分之二扣1分。',
    '该指标主要考察机关大院维护维修情况。',
    '5分',
  ],
  ['', '履职目标实现', '', '', '', '-', '反映本部门制定的年度工作目标达成情况。', ''],
  ['', '', '办理好提案建议', '≥', '90', '提案办结率达到90%得5分', '该指标主要考察认真办理市党代表提案情况', '5分'],
  ['效益指标', '满意度', '', '', '', '-', '-', ''],
  ['', '', '市委、市政府领导满意度', '≥', '95 %', '该指标主要考察市委、市政府领导满意情况', '该指标达到95%得满分', ''],
];

describe('perf.dept_target on seed 004 with its merges lost', () => {
  const r = run(rec, buildTable(seed004Lost)) as unknown as DeptTargetRecord;

  it('carries 二级 labels down from the heading rows that print no 三级', () => {
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['产出指标', '重点工作任务完成', '重大会议、活动参与率'],
      ['产出指标', '重点工作任务完成', '机关大院维护维修率'],
      ['产出指标', '履职目标实现', '办理好提案建议'],
      ['效益指标', '满意度', '市委、市政府领导满意度'],
    ]);
    expect(r.indicators[3]!.value).toEqual({ operator: '≥', value: 95, unit: '%', text: '95 %' });
    expect(r.issues.map((i) => i.code)).toEqual(['perf.label_carried_down']);
  });

  it('keeps the heading rows’ explanations as group notes, not as indicators', () => {
    expect(r.groupNotes?.map((g) => [g.level1, g.level2, g.text])).toEqual([
      ['产出指标', '重点工作任务完成', '反映本部门负责的重点工作任务进展情况。'],
      ['产出指标', '履职目标实现', '反映本部门制定的年度工作目标达成情况。'],
    ]);
  });
});
