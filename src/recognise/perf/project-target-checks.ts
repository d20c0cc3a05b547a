import type { Check } from '../../../schemas/common.js';
import type { PerfProjectTarget } from '../../../schemas/perf-project-target.js';
import { defined, equalCheck, sumCheck } from '../../validate/sum-check.js';
import type { RecognisedRecord } from '../types.js';

const PREFIX = 'perf.project_target';

/**
 * domain.md §3.5: 预算数 = 财政资金 + 其他资金 where printed; 资金支出计划 percentages never fall
 * from one milestone to the next, and reach 100 at 12月底 where that milestone is printed
 * (three of seed 003's five tables stop at 10月底).
 */
export function projectTargetChecks(record: RecognisedRecord): Check[] {
  const r = record as unknown as PerfProjectTarget;
  const checks: Array<Check | undefined> = [
    sumCheck(`${PREFIX}.budget_sum`, r.budget?.value, [r.fiscalFunds?.value, r.otherFunds?.value], '预算数 = 财政资金 + 其他资金'),
  ];
  const plan = r.spendingPlan.filter((m) => m.percent !== null);
  plan.forEach((m, i) => {
    const prev = plan[i - 1];
    if (!prev) return;
    checks.push({
      rule: `${PREFIX}.plan_non_decreasing`,
      expected: prev.percent,
      actual: m.percent,
      ok: m.percent! >= prev.percent! - 1e-9,
      tolerance: 0,
      description: `资金支出计划 ${m.label} ≥ ${prev.label}`,
    });
  });
  const last = plan[plan.length - 1];
  if (last?.month === 12) checks.push(equalCheck(`${PREFIX}.plan_ends_at_100`, 100, last.percent, 0.01, '资金支出计划 12月底 = 100%'));
  return defined(checks);
}
