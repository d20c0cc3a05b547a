import type { RecognisedRecord } from '../recognise/types.js';
import { departmentId } from '../recognise/meta/department-id.js';
import { regionCode, regionName } from '../recognise/meta/region.js';
import { compact } from '../recognise/values.js';

/** What a document is about, as the relational columns of `documents` hold it (src/store/schema.sql.ts). */
export interface DocumentFacets {
  department: string | null;
  departmentId: string | null;
  region: string | null;
  regionId: string | null;
  year: number | null;
  kind: string | null;
  level: BudgetLevel | null;
}

/**
 * The budget level a document prints (issue 15): a 部门 (department) or a 单位 (one budget unit) disclosure, and where
 * it says so, whether it is the 汇总 (consolidated over the department's units) or the 本级 (the department's own
 * office only). One field, so a panel keys on it: `department`, `department_consolidated`, `department_own`, `unit`,
 * `unit_consolidated`, `unit_own`.
 */
export type BudgetLevel = `${'department' | 'unit'}${'' | '_consolidated' | '_own'}`;

/**
 * The facets of a document from its records: the most frequent printed value of each field, so one table
 * whose 编制单位 line was misread does not rename the document.
 */
export function documentFacets(records: RecognisedRecord[]): DocumentFacets {
  const department = mostFrequent(records.map((r) => r.department));
  const regionRecord = records.find((r) => r.region && Object.keys(r.region).length > 0);
  const region = regionRecord?.region ?? {};
  const kinds = records.map((r) => r.kind).filter((k) => k && k !== 'unknown');
  return {
    department,
    departmentId: departmentId(department, region) ?? null,
    region: regionName(region) ?? null,
    regionId: regionCode(region) ?? null,
    year: mostFrequent(records.map((r) => r.year)),
    kind: mostFrequent(kinds),
    level: budgetLevel(records),
  };
}

/**
 * What the document's own titles say it is: the table titles (Shanghai: 2025年部门收入预算总表, 2025年预算单位收入预算总表,
 * 2025年单位“三公”经费…), the cover the narrative record keeps (江苏省委办公厅2018年度部门预算公开文件, 上海市普陀区2026年区级
 * 单位预算), the file name and the link that published it. Each title votes once; 汇总 / 本级 count only in a title
 * (the body of a 部门预算 mentions both). Null where no title names the level: the Jiangsu 公开表 print only
 * '部门：X' above each table, which names the department, not the level.
 */
export function budgetLevel(records: RecognisedRecord[]): BudgetLevel | null {
  const titles = new Set<string>();
  for (const r of records) {
    titles.add(compact(r.title ?? ''));
    if (typeof r.documentTitle === 'string') titles.add(compact(r.documentTitle));
    if (r.source?.fileName) titles.add(compact(r.source.fileName));
    for (const v of Object.values(r.source?.discoveredFrom ?? {})) titles.add(compact(v));
  }
  let department = 0;
  let unit = 0;
  let consolidated = 0;
  let own = 0;
  for (const t of titles) {
    if (/单位(?:预算|决算)|预算单位|^(?:(?:19|20)\d{2}年度?)?单位/.test(t)) unit++;
    else if (/部门(?:汇总)?(?:预算|决算)|^(?:(?:19|20)\d{2}年度?)?部门/.test(t)) department++;
    if (/汇总(?:预算|决算)|(?:预算|决算)汇总|部门汇总|单位汇总/.test(t)) consolidated++;
    if (/本级(?:预算|决算)?/.test(t) && !/本级财政/.test(t)) own++;
  }
  if (department === 0 && unit === 0) return null;
  const base = unit > department ? 'unit' : 'department';
  if (consolidated > own) return `${base}_consolidated`;
  return own > consolidated ? `${base}_own` : base;
}

function mostFrequent<T>(values: Array<T | null | undefined>): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
