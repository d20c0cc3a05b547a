import type { Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { RecogniseResult, Recogniser } from '../types.js';

/** The printed target of each indicator, by table type (schemas/perf-*.ts): 指标值 / 年度指标值. */
const TARGET_KEY: Record<string, string> = {
  'perf.project_target': 'value',
  'perf.dept_target': 'value',
  'perf.project_selfeval': 'target',
  'perf.dept_selfeval': 'target',
};

const textOf = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text ?? '').trim();
  return String(v);
};

/**
 * A 绩效 form states targets: a form whose every indicator has an empty 指标值 lost them in reading (the Shanghai
 * 财政项目支出绩效目标填报表 prints `≥13459.00(平方米)` in a column no rule reads, issue 9), so it is never `ok`.
 */
export function perfCompleteness(tableType: string, record: RecogniseResult['record']): Issue[] {
  const key = TARGET_KEY[tableType];
  const indicators = Array.isArray(record.indicators) ? (record.indicators as Array<Record<string, unknown>>) : [];
  if (!key || indicators.length === 0) return [];
  if (indicators.some((i) => textOf(i[key]) !== '')) return [];
  return [
    issue(
      'error',
      'perf.indicator_values_empty',
      `every 指标值 of the ${indicators.length} indicators is empty`,
      record.provenance as Provenance | undefined,
    ),
  ];
}

/** The recogniser with the completeness findings added to what it reports. */
export function withCompleteness(r: Recogniser): Recogniser {
  return {
    ...r,
    recognise(table, ctx) {
      const result = r.recognise(table, ctx);
      return { ...result, issues: [...result.issues, ...perfCompleteness(r.tableType, result.record)] };
    },
  };
}
