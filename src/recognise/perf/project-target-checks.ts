import type { Check } from '../../../schemas/common.js';
import type { PerfProjectTarget } from '../../../schemas/perf-project-target.js';
import { atLeastCheck, defined, equalCheck, ref, sumCheck } from '../../validate/sum-check.js';
import type { RecognisedRecord } from '../types.js';

const PREFIX = 'perf.project_target';

/**
 * docs/domain.md §3.5: 预算数 = 财政资金 + 其他资金 where printed; 资金支出计划 percentages never fall
 * from one milestone to the next, and reach 100 at 12月底 where that milestone is printed
 * (three of seed 003's five tables stop at 10月底). §3.6 (Shanghai's 财政项目支出绩效目标填报表):
 * 项目资金总额 = 财政资金 + 其他资金; 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
 */
export function projectTargetChecks(record: RecognisedRecord): Check[] {
  const r = record as unknown as PerfProjectTarget;
  const checks: Array<Check | undefined> = [
    sumCheck(
      `${PREFIX}.budget_sum`,
      ref(r.budget, 'value'),
      [ref(r.fiscalFunds, 'value'), ref(r.otherFunds, 'value')],
      '预算数 = 财政资金 + 其他资金',
    ),
  ];
  const p = r.projectFunds;
  if (p)
    checks.push(
      sumCheck(
        `${PREFIX}.project_funds_sum`,
        ref(p.total, 'value'),
        [ref(p.fiscal, 'value'), ref(p.other, 'value')],
        '项目资金总额 = 财政资金 + 其他资金',
      ),
    );
  const a = r.annualFunds;
  if (a) {
    const parts = [ref(a.appropriation, 'value'), ref(a.carryover, 'value'), ref(a.other, 'value')];
    checks.push(
      sumCheck(
        `${PREFIX}.annual_funds_sum`,
        ref(a.total, 'value'),
        parts,
        '年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金',
      ),
    );
  }
  const plan = r.spendingPlan.filter((m) => m.percent !== null);
  plan.forEach((m, i) => {
    const prev = plan[i - 1];
    if (!prev) return;
    checks.push(
      atLeastCheck(
        `${PREFIX}.plan_non_decreasing`,
        ref(prev, 'percent'),
        ref(m, 'percent'),
        `资金支出计划 ${m.label} ≥ ${prev.label}`,
      ),
    );
  });
  const last = plan[plan.length - 1];
  if (last?.month === 12)
    checks.push(
      equalCheck(`${PREFIX}.plan_ends_at_100`, 100, ref(last, 'percent'), 0.01, '资金支出计划 12月底 = 100%'),
    );
  return defined(checks);
}
