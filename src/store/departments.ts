import { departmentKey } from '../recognise/meta/department-id.js';
import type { SqlClient } from './ports.js';

/**
 * Departments across documents and years (issue 15). Every document keeps the department id it was computed with
 * (src/store/document-facets.ts); a user joins two ids (`--merge A B`: A is B from now on) or names one
 * (`--rename A NAME`) in `department_aliases` (src/store/schema.sql.ts). A merge is a link, kept flat (every id
 * points at the department it ends in), so the effective id is one lookup: `effectiveDepartmentSql`, which
 * exports, coverage and search select through.
 */

/** SQL for a document's effective department id; `d` is the documents alias. */
export const effectiveDepartmentSql = (d = 'd') =>
  `coalesce((select a.canonical_id from department_aliases a where a.department_id = ${d}.department_id), ${d}.department_id)`;

/** SQL for a document's department name: the name given to its effective department, else the printed one. */
export const effectiveDepartmentNameSql = (d = 'd') =>
  `coalesce((select n.name from department_aliases n where n.department_id = ${effectiveDepartmentSql(d)} and n.name is not null), ${d}.department)`;

export interface DepartmentSummary {
  /** The effective id. */
  id: string;
  /** The name given with --rename, else the printed name most of its documents carry. */
  name: string;
  /** Every printed name, most documents first. */
  printedNames: string[];
  region: string | null;
  years: number[];
  kinds: string[];
  documents: number;
  /** Computed ids merged into this one. */
  merged: string[];
}

export async function listDepartments(sql: Pick<SqlClient, 'query'>): Promise<DepartmentSummary[]> {
  const { rows } = await sql.query<{
    id: string;
    department_id: string;
    department: string | null;
    region: string | null;
    year: number | null;
    kind: string | null;
    given: string | null;
  }>(
    `select ${effectiveDepartmentSql()} as id, d.department_id, d.department, d.region, d.year, d.kind,
            (select n.name from department_aliases n where n.department_id = ${effectiveDepartmentSql()}) as given
       from documents d where d.department_id is not null order by 1, d.year nulls last, d.id`,
  );
  const out = new Map<string, DepartmentSummary & { counts: Map<string, number> }>();
  for (const r of rows) {
    let dep = out.get(r.id);
    if (!dep) {
      dep = {
        id: r.id,
        name: '',
        printedNames: [],
        region: r.region,
        years: [],
        kinds: [],
        documents: 0,
        merged: [],
        counts: new Map(),
      };
      out.set(r.id, dep);
    }
    dep.documents++;
    if (r.given) dep.name = r.given;
    if (r.department) dep.counts.set(r.department, (dep.counts.get(r.department) ?? 0) + 1);
    if (r.year !== null && !dep.years.includes(r.year)) dep.years.push(r.year);
    if (r.kind && !dep.kinds.includes(r.kind)) dep.kinds.push(r.kind);
    if (r.department_id !== r.id && !dep.merged.includes(r.department_id)) dep.merged.push(r.department_id);
  }
  return [...out.values()].map(({ counts, ...d }) => {
    const printedNames = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
    return { ...d, name: d.name || printedNames[0] || d.id, printedNames, years: d.years.sort() };
  });
}

/**
 * The computed department id a user means: an id as `--list` prints it, or a printed name (or any of its spellings,
 * departmentKey) that exactly one stored id holds. An error names the candidates when it is ambiguous.
 */
export async function resolveDepartment(sql: Pick<SqlClient, 'query'>, ref: string): Promise<string> {
  const exact = await sql.query<{ id: string }>(
    `select distinct department_id as id from documents where department_id = $1
      union select department_id from department_aliases where department_id = $1 or canonical_id = $1`,
    [ref],
  );
  if (exact.rows.length > 0) return ref;
  const key = departmentKey(ref);
  const { rows } = await sql.query<{ id: string }>(
    `select distinct department_id as id from documents
      where department = $1 or (department_id is not null and substr(department_id, strpos(department_id, ':') + 1) = $2)
      order by 1`,
    [ref, key],
  );
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length === 0) throw new Error(`no stored department is ${ref} (budgetdoc departments --list shows them)`);
  throw new Error(`${ref} names ${rows.length} departments: ${rows.map((r) => r.id).join(', ')}; give one id`);
}

async function canonicalOf(sql: Pick<SqlClient, 'query'>, id: string): Promise<string> {
  const { rows } = await sql.query<{ canonical_id: string }>(
    `select canonical_id from department_aliases where department_id = $1`,
    [id],
  );
  return rows[0]?.canonical_id ?? id;
}

/**
 * `--merge A B`: department A is department B (a rename across years, a misprint the normalisation cannot know).
 * Every id that ended in A ends in B's department now; a merge that would make B part of A is refused.
 */
export async function mergeDepartments(
  sql: Pick<SqlClient, 'query' | 'transaction'>,
  from: string,
  into: string,
): Promise<{ from: string; into: string }> {
  const a = await resolveDepartment(sql, from);
  const b = await canonicalOf(sql, await resolveDepartment(sql, into));
  const aRoot = await canonicalOf(sql, a);
  if (aRoot === b) throw new Error(`${a} is already department ${b}`);
  await sql.transaction(async (tx) => {
    await tx.query(
      `insert into department_aliases (department_id, canonical_id) values ($1, $2)
       on conflict (department_id) do update set canonical_id = excluded.canonical_id, updated_at = now()`,
      [a, b],
    );
    // Ids merged into A before, and A's own root when A was itself merged, follow it.
    await tx.query(`update department_aliases set canonical_id = $2, updated_at = now() where canonical_id = $1`, [
      aRoot,
      b,
    ]);
    if (aRoot !== a)
      await tx.query(
        `insert into department_aliases (department_id, canonical_id) values ($1, $2)
         on conflict (department_id) do update set canonical_id = excluded.canonical_id, updated_at = now()`,
        [aRoot, b],
      );
    // A name given to A's department moves to B unless B has one.
    await tx.query(
      `insert into department_aliases (department_id, canonical_id, name)
       select $2, $2, s.name from department_aliases s where s.department_id = $1 and s.name is not null
       on conflict (department_id) do update set name = coalesce(department_aliases.name, excluded.name)`,
      [aRoot, b],
    );
  });
  return { from: a, into: b };
}

/** `--rename A NAME`: the name exports and --list show for A's department; documents keep their printed names. */
export async function renameDepartment(
  sql: Pick<SqlClient, 'query'>,
  ref: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('--rename needs a non-empty name');
  const id = await canonicalOf(sql, await resolveDepartment(sql, ref));
  await sql.query(
    `insert into department_aliases (department_id, canonical_id, name) values ($1, $1, $2)
     on conflict (department_id) do update set name = excluded.name, updated_at = now()`,
    [id, trimmed],
  );
  return { id, name: trimmed };
}
