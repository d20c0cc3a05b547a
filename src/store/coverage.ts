import { effectiveDepartmentNameSql, effectiveDepartmentSql } from './departments.js';
import type { SqlClient } from './ports.js';

/**
 * The coverage matrix (issue 15, `budgetdoc coverage`): per department (its effective id, src/store/departments.ts),
 * year and kind, the documents stored and the tables they yield: present (typed, with a `:scope` where a type is
 * printed twice), failed (records the pipeline could not read, and 'unknown' for tables no recogniser typed that
 * print amounts), and missing: the tables the other department-years of the same region and kind print and this one
 * does not. Aggregated in SQL, so the matrix costs one row per cell, not per record.
 */
export interface CoverageCell {
  departmentId: string | null;
  department: string | null;
  regionId: string | null;
  year: number | null;
  kind: string | null;
  documents: number;
  failedDocuments: number;
  present: string[];
  failed: string[];
  missing: string[];
}

interface CellRow {
  department_id: string | null;
  department: string | null;
  region_id: string | null;
  year: number | null;
  kind: string | null;
  documents: number | string;
  failed_documents: number | string;
  present: string[] | null;
  failed: string[] | null;
}

export async function coverageMatrix(sql: Pick<SqlClient, 'query'>): Promise<CoverageCell[]> {
  const typeKey = `r.table_type || coalesce(':' || (r.record->>'scope'), '')`;
  const { rows } = await sql.query<CellRow>(
    `select ${effectiveDepartmentSql('d')} as department_id, min(${effectiveDepartmentNameSql('d')}) as department,
            min(d.region_id) as region_id, d.year, d.kind,
            count(distinct d.id) as documents,
            count(distinct d.id) filter (where d.status = 'failed') as failed_documents,
            array_agg(distinct ${typeKey}) filter (where r.table_type is not null and r.table_type <> 'unknown' and r.status <> 'failed') as present,
            array_agg(distinct ${typeKey}) filter (where r.status = 'failed' or (r.table_type = 'unknown' and r.status <> 'ok')) as failed
       from documents d left join records r on r.document_id = d.id
      group by 1, d.year, d.kind
      order by 1 nulls last, d.year nulls last, d.kind nulls last`,
  );
  const printed = new Map<string, Set<string>>();
  const scope = (r: CellRow) => `${r.region_id ?? ''}|${r.kind ?? ''}`;
  for (const r of rows) {
    const set = printed.get(scope(r)) ?? printed.set(scope(r), new Set()).get(scope(r))!;
    for (const t of r.present ?? []) set.add(t);
  }
  return rows.map((r) => {
    const present = [...(r.present ?? [])].sort();
    return {
      departmentId: r.department_id,
      department: r.department,
      regionId: r.region_id,
      year: r.year === null ? null : Number(r.year),
      kind: r.kind,
      documents: Number(r.documents),
      failedDocuments: Number(r.failed_documents),
      present,
      failed: [...(r.failed ?? [])].sort(),
      missing: [...(printed.get(scope(r)) ?? [])].filter((t) => !present.includes(t)).sort(),
    };
  });
}
