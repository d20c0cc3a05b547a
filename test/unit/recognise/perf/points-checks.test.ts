import { describe, expect, it } from 'vitest';
import { pointsChecks, scoreChecks, type PointedIndicator } from '../../../../src/recognise/perf/points-checks.js';

const ind = (
  level1: string,
  l1p: number | null,
  level2: string,
  l2p: number | null,
  level3: string,
  points: number | null,
  score?: number,
): PointedIndicator => ({
  level1,
  level1Points: l1p,
  level2,
  level2Points: l2p,
  level3,
  level3Points: null,
  points,
  score: score ?? null,
});

describe('pointsChecks', () => {
  // Seed 002: 投入管理指标(50分) = 工作目标管理(10分) + 预算和财务管理(32分) + 绩效管理(8分).
  const seed002 = [
    ind('投入管理指标', 50, '工作目标管理', 10, '年度履职目标相关性', 3),
    ind('投入管理指标', 50, '工作目标管理', 10, '工作任务科学性', 3),
    ind('投入管理指标', 50, '工作目标管理', 10, '绩效指标合理性', 4),
    ind('投入管理指标', 50, '预算和财务管理', 32, '预算编制完整性', 32),
    ind('投入管理指标', 50, '绩效管理', 8, '绩效监控完成率', 8),
  ];
  it('checks Σ 分值 per 二级 group and Σ 二级 points per 一级 group', () => {
    expect(pointsChecks('p', seed002).map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['p.level2_points_sum', 10, 10, true],
      ['p.level2_points_sum', 32, 32, true],
      ['p.level2_points_sum', 8, 8, true],
      ['p.level1_points_sum', 50, 50, true],
    ]);
  });
  it('fails a 一级 whose 二级 points do not add up', () => {
    const bad = seed002.map((i) => (i.level2 === '绩效管理' ? { ...i, level2Points: 9, points: 9 } : i));
    expect(
      pointsChecks('p', bad)
        .filter((c) => !c.ok)
        .map((c) => [c.rule, c.expected, c.actual]),
    ).toEqual([['p.level1_points_sum', 50, 51]]);
  });
});

describe('scoreChecks', () => {
  it('sums 得分 against the total and bounds each by its 分值', () => {
    const rows = [
      ind('效果', null, '履职尽责', 60, '项目产出', 40, 40),
      ind('效果', null, '履职尽责', 60, '项目效益', 20, 21),
    ];
    expect(scoreChecks('p', 61, rows).map((c) => [c.rule, c.ok])).toEqual([
      ['p.score_sum', true],
      ['p.score_le_points', true],
      ['p.score_le_points', false],
    ]);
  });
  it('records no sum check when no total is printed', () => {
    expect(scoreChecks('p', null, [ind('a', null, 'b', null, 'c', 5, 5)]).map((c) => c.rule)).toEqual([
      'p.score_le_points',
    ]);
  });
});
