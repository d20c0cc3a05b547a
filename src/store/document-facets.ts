import type { RecognisedRecord } from '../recognise/types.js';
import { departmentId } from '../recognise/meta/department-id.js';
import { regionCode, regionName } from '../recognise/meta/region.js';

/** What a document is about, as the relational columns of `documents` hold it (src/store/schema.sql.ts). */
export interface DocumentFacets {
  department: string | null;
  departmentId: string | null;
  region: string | null;
  regionId: string | null;
  year: number | null;
  kind: string | null;
  level: string | null;
}

/**
 * The facets of a document from its records: the most frequent printed value of each field, so one table
 * whose 编制单位 line was misread does not rename the document.
 */
export function documentFacets(records: RecognisedRecord[]): DocumentFacets {
  const department = mostFrequent(records.map((r) => r.department));
  const regionRecord = records.find((r) => r.region && Object.keys(r.region).length > 0);
  const region = regionRecord?.region ?? {};
  const code = regionCode(region);
  const kinds = records.map((r) => r.kind).filter((k) => k && k !== 'unknown');
  return {
    department,
    departmentId: departmentId(department, code) ?? null,
    region: regionName(region) ?? null,
    regionId: code ?? null,
    year: mostFrequent(records.map((r) => r.year)),
    kind: mostFrequent(kinds),
    level: null,
  };
}

function mostFrequent<T>(values: Array<T | null | undefined>): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
