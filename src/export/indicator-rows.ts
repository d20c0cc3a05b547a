import type { ProvenanceOut } from '../../schemas/common.js';
import type { OperatorValueOut } from '../../schemas/perf-common.js';
import type { StoredRecordRow } from '../store/ports.js';
import { PROVENANCE_COLUMNS, RECORD_COLUMNS, provenanceFields, recordFields, type CsvRow } from './columns.js';

/**
 * `--table indicators`: one row per 绩效 indicator (docs/domain.md §3.2-3.5). The four perf types share
 * one column set: `value*` is the indicator's target (指标值 / 年度指标值 / 年初目标值), `actual*` the
 * 实际完成值 of self-evaluations, `points` / `score` the 分值 / 得分 where the type scores indicators.
 */
export const INDICATOR_COLUMNS = [
  ...RECORD_COLUMNS,
  'projectName',
  'indicatorIndex',
  'level1',
  'level1Points',
  'level2',
  'level2Points',
  'level3',
  'level3Points',
  'valueType',
  'valueText',
  'valueOperator',
  'valueNumber',
  'valueUnit',
  'actualText',
  'actualOperator',
  'actualNumber',
  'actualUnit',
  'points',
  'score',
  ...PROVENANCE_COLUMNS,
] as const;

/** The union of the perf indicator schemas (schemas/perf-*.ts); each type has a subset. */
interface StoredIndicator {
  level1?: string | null;
  level1Points?: number | null;
  level2?: string | null;
  level2Points?: number | null;
  level3?: string;
  level3Points?: number | null;
  valueType?: string | null;
  /** perf.dept_target, perf.project_target */
  value?: OperatorValueOut | null;
  /** perf.*_selfeval */
  target?: OperatorValueOut | null;
  actual?: OperatorValueOut | null;
  points?: number | null;
  score?: number | null;
  provenance?: ProvenanceOut;
}

const operatorFields = (prefix: string, v: OperatorValueOut | null | undefined): CsvRow =>
  v
    ? {
        [`${prefix}Text`]: v.text,
        [`${prefix}Operator`]: v.operator,
        [`${prefix}Number`]: v.value,
        [`${prefix}Unit`]: v.unit,
      }
    : {};

export function indicatorRows(item: StoredRecordRow): CsvRow[] {
  const indicators = item.record.indicators;
  if (!Array.isArray(indicators)) return [];
  const head = { ...recordFields(item), projectName: fieldValue(item.record.projectName) };
  return (indicators as StoredIndicator[]).map((ind, i) => ({
    ...head,
    indicatorIndex: i + 1,
    level1: ind.level1,
    level1Points: ind.level1Points,
    level2: ind.level2,
    level2Points: ind.level2Points,
    level3: ind.level3,
    level3Points: ind.level3Points,
    valueType: ind.valueType,
    ...operatorFields('value', ind.value ?? ind.target),
    ...operatorFields('actual', ind.actual),
    points: ind.points,
    score: ind.score,
    ...provenanceFields(ind.provenance),
  }));
}

/** A `{ value, provenance }` header field of a form-like table, or null. */
function fieldValue(f: unknown): string | undefined {
  const v = f && typeof f === 'object' ? (f as { value?: unknown }).value : undefined;
  return typeof v === 'string' ? v : undefined;
}
