import type { Check } from '../../../schemas/common.js';
import { type Operand, atMostCheck, defined, equalCheck, ref, sumCheck } from '../../validate/sum-check.js';

/** The parts of an indicator the points identities read. */
export interface PointedIndicator {
  level1: string | null;
  level1Points: number | null;
  level2: string | null;
  level2Points: number | null;
  level3: string;
  level3Points?: number | null;
  /** 分值 column, where the table has one. */
  points?: number | null;
  /** 得分 column, where the table has one. */
  score?: number | null;
  /** Where points and score are printed when they come from a funding line (its `values`), for `covers`. */
  values?: Record<string, number | null>;
}

/** The operand of an indicator's points or score, at the object that holds it in the record. */
export const pointOperand = (i: PointedIndicator, key: 'points' | 'score' | 'level3Points'): Operand =>
  i.values && key in i.values ? ref(i.values, key) : ref(i, key);

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** The points an indicator weighs: its 分值, else the points printed in its 三级 name. */
const weight = (i: PointedIndicator): Operand =>
  i.points != null ? pointOperand(i, 'points') : i.level3Points != null ? pointOperand(i, 'level3Points') : null;

/**
 * Points printed in level names must add up (docs/domain.md §3.3): Σ 分值 of a 二级 group = the
 * points in its name (`预算执行（25分）` = 10 + 5 + 5 + 5); Σ 二级 points of a 一级 group = the
 * 一级 points (`投入管理指标(50分)`, seed 002); a 三级 name's points = its 分值. Groups are keyed
 * by label, so a group split by a page break (seed 001) is still one group.
 */
export function pointsChecks(prefix: string, indicators: PointedIndicator[]): Check[] {
  const checks: Array<Check | undefined> = [];
  const byLevel2 = groupBy(indicators, (i) => `${i.level1 ?? ''}\u0000${i.level2 ?? ''}`);
  for (const group of byLevel2.values()) {
    const head = group[0]!;
    if (head.level2Points === null) continue;
    checks.push(
      sumCheck(
        `${prefix}.level2_points_sum`,
        ref(head, 'level2Points'),
        group.map(weight),
        `Σ 分值 of ${head.level2} = ${head.level2Points}`,
      ),
    );
  }
  const byLevel1 = groupBy(
    [...byLevel2.values()].map((g) => g[0]!),
    (i) => i.level1 ?? '',
  );
  for (const level2Heads of byLevel1.values()) {
    const head = level2Heads[0]!;
    if (head.level1Points === null) continue;
    checks.push(
      sumCheck(
        `${prefix}.level1_points_sum`,
        ref(head, 'level1Points'),
        level2Heads.map((i) => ref(i, 'level2Points')),
        `Σ 二级 points of ${head.level1} = ${head.level1Points}`,
      ),
    );
  }
  for (const i of indicators) {
    if (i.points == null || i.level3Points == null) continue;
    checks.push(
      equalCheck(
        `${prefix}.level3_points_eq_points`,
        ref(i, 'level3Points'),
        ref(i, 'points'),
        0,
        `points in ${i.level3} = its 分值`,
      ),
    );
  }
  return defined(checks);
}

/** Σ 得分 = the stated total (自评得分 / 总分), and each 得分 ≤ its 分值 (docs/domain.md §3.2, §3.3). */
export function scoreChecks(prefix: string, total: Operand, indicators: PointedIndicator[]): Check[] {
  const scored = indicators.filter((i) => i.score != null);
  const checks: Array<Check | undefined> = [
    sumCheck(
      `${prefix}.score_sum`,
      total,
      scored.map((i) => pointOperand(i, 'score')),
      'Σ 得分 = 自评得分',
    ),
  ];
  // A score above its points is never rounding: no tolerance.
  for (const i of scored)
    checks.push(
      atMostCheck(`${prefix}.score_le_points`, weight(i), pointOperand(i, 'score'), `得分 of ${i.level3} ≤ its 分值`),
    );
  return defined(checks);
}
