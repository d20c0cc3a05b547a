import type { Check, LineRow } from '../../../schemas/common.js';
import type { PerfProjectSelfeval } from '../../../schemas/perf-project-selfeval.js';
import type { RecognisedRecord } from '../types.js';
import { cellRef, defined, equalCheck, ref, sumCheck } from '../../validate/sum-check.js';
import { pointOperand, pointsChecks, scoreChecks } from './points-checks.js';

const PREFIX = 'perf.project_selfeval';

/** Half a unit in the last printed decimal: `64.98` is right for 64.979, `65` for 64.6. */
function roundingOf(x: number): number {
  const decimals = (String(x).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

/** 执行率 = B/A×100 (docs/domain.md §3.2), within the rounding of the printed rate. */
function rateCheck(line: LineRow): Check | undefined {
  const { budget, executed, rate } = line.values;
  if (budget == null || budget === 0 || executed == null || rate == null) return undefined;
  const expected = Math.round((executed / budget) * 1e6) / 1e4;
  return equalCheck(
    `${PREFIX}.rate_eq_b_over_a`,
    expected,
    cellRef(line, 'rate'),
    roundingOf(rate),
    `${line.name}: 执行率 = 全年执行数 / 全年预算数 × 100`,
  );
}

/** 年度资金总额 = 财政资金 + 其他资金, for A and for B. */
function fundingChecks(lines: LineRow[]): Array<Check | undefined> {
  const total = lines.find((l) => /年度资金总额/.test(l.name));
  const parts = lines.filter((l) => l !== total && /财政资金|当年财政拨款|其他资金|上年结转/.test(l.name));
  if (!total || parts.length === 0) return [];
  return ['budget', 'executed'].map((key) =>
    sumCheck(
      `${PREFIX}.funding_total_${key}`,
      cellRef(total, key),
      parts.map((p) => cellRef(p, key)),
      `年度资金总额 = Σ 其中 (${key})`,
    ),
  );
}

/**
 * The identities of a 项目支出绩效自评表: 执行率 per funding line, the funding total, and where the
 * region scores the form, Σ 得分 (indicators plus the 资金 line) = 总分 得分, each 得分 ≤ 分值,
 * Σ 分值 = 总分 分值.
 */
export function projectSelfevalChecks(record: RecognisedRecord): Check[] {
  const r = record as unknown as PerfProjectSelfeval;
  const fundingScored = r.rows.filter((l) => /年度资金总额/.test(l.name) && l.values.score != null);
  const scored = [
    ...r.indicators,
    ...fundingScored.map((l) => ({
      level1: null,
      level1Points: null,
      level2: null,
      level2Points: null,
      level3: l.name,
      points: l.values.points ?? null,
      score: l.values.score ?? null,
      values: l.values,
    })),
  ];
  const totalPoints = ref(r.totalPoints, 'value');
  return [
    ...defined(r.rows.map(rateCheck)),
    ...defined(fundingChecks(r.rows)),
    ...scoreChecks(PREFIX, ref(r.totalScore, 'value'), scored),
    ...defined([
      sumCheck(
        `${PREFIX}.points_sum`,
        totalPoints,
        scored.map((i) => pointOperand(i, 'points')),
        'Σ 分值 = 总分',
      ),
    ]),
    ...pointsChecks(PREFIX, r.indicators),
  ];
}
