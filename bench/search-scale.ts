/**
 * `npx tsx bench/search-scale.ts [--docs 100000] [--backend pglite,postgres] [--runs 5]` (issue 14): search timed on
 * a generated store of that many documents, on PGlite (a fresh directory under the system temp folder) and on
 * PostgreSQL (schema `bench_search` of DATABASE_URL, default the `test` database; dropped and made again).
 * Documents and records are generated in SQL straight into the store's own schema (src/store/schema.sql.ts, indexes
 * included): ~2,900 departments (every county of the division list × 16 department names), years 2015–2025,
 * 4–7 tables a document of its kind's types with titles as printed, 1–30 rows each with cell provenance (~10 kB of
 * JSON a record, the corpus median), 5 % failed, 2 % with an audit finding. They are invented rows for
 * timing, not disclosures. Prints the median of `--runs` runs of each query and the indexes its plan uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlClient } from '../src/store/ports.js';
import { parseYears, type SearchFilters, searchDocuments, searchWhere } from '../src/store/search.js';
import { SCHEMA_SQL } from '../src/store/schema.sql.js';
import { openPglite, openPostgres } from '../src/store/sql-clients.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const DOCS = Number(arg('--docs', '100000'));
const RUNS = Number(arg('--runs', '5'));
const BACKENDS = arg('--backend', 'pglite,postgres').split(',');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

/** Every county with its full name and code, from the project's division list. */
function counties(): Array<{ name: string; code: string }> {
  const divisions = createRequire(import.meta.url)('../src/recognise/meta/divisions.json') as Division[];
  const out: Array<{ name: string; code: string }> = [];
  for (const p of divisions)
    for (const c of p.children ?? [])
      for (const a of c.children ?? []) {
        const city = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name) ? '' : c.name;
        out.push({ name: `${p.name}${city}${a.name}`, code: a.code });
      }
  return out;
}

const DEPARTMENTS = [
  '财政局',
  '人民政府办公室',
  '政协办公室',
  '人大常委会办公室',
  '教育局',
  '卫生健康委员会',
  '公安局',
  '司法局',
  '民政局',
  '交通运输局',
  '农业农村局',
  '文化和旅游局',
  '档案馆',
  '审计局',
  '统计局',
  '发展和改革委员会',
];
/** Table types and printed titles a document of each kind holds (4 to 7 of them, the first ones first). */
const TYPES: Record<string, Array<[string, string]>> = {
  budget: [
    ['budget.summary', '收支预算总表'],
    ['budget.income', '收入预算总表'],
    ['budget.expenditure', '支出预算总表'],
    ['budget.fiscal_summary', '财政拨款收支预算总表'],
    ['budget.gpb_functional', '一般公共预算支出预算表'],
    ['budget.gpb_basic_economic', '一般公共预算基本支出预算表'],
    ['budget.three_public', '一般公共预算“三公”经费支出预算表'],
  ],
  final: [
    ['final.summary', '收入支出决算总表'],
    ['final.income', '收入决算表'],
    ['final.expenditure', '支出决算表'],
    ['final.fiscal_summary', '财政拨款收入支出决算总表'],
    ['final.gpb_functional', '一般公共预算财政拨款支出决算表'],
    ['final.gov_fund', '政府性基金预算财政拨款收入支出决算表'],
    ['final.three_public', '一般公共预算财政拨款“三公”经费支出决算表'],
  ],
  perf_target: [
    ['perf.dept_target', '部门整体支出绩效目标表'],
    ['perf.project_target', '项目支出绩效目标表'],
    ['perf.project_target', '项目支出绩效目标表'],
    ['perf.project_target', '项目支出绩效目标表'],
    ['perf.project_target', '项目支出绩效目标表'],
    ['perf.project_target', '项目支出绩效目标表'],
    ['perf.project_target', '项目支出绩效目标表'],
  ],
  perf_selfeval: [
    ['perf.dept_selfeval', '部门整体支出绩效自评表'],
    ['perf.project_selfeval', '项目支出绩效自评表'],
    ['perf.project_selfeval', '项目支出绩效自评表'],
    ['perf.project_selfeval', '项目支出绩效自评表'],
    ['perf.project_selfeval', '项目支出绩效自评表'],
    ['perf.project_selfeval', '项目支出绩效自评表'],
    ['perf.project_selfeval', '项目支出绩效自评表'],
  ],
};
const KINDS = ['budget', 'budget', 'final', 'perf_target', 'perf_selfeval'];

/** 30 row sets of 1–30 lines, each amount with its cell's provenance as the PDF extractor writes it. */
const ROWS = JSON.stringify(
  Array.from({ length: 30 }, (_, v) =>
    Array.from({ length: 1 + v }, (_, r) => {
      const prov = (x0: number, x1: number) => ({
        sourceId: 'f'.repeat(64),
        page: 1 + Math.floor(r / 20),
        method: 'text-layer',
        extractor: 'pdf/pdfjs@5.6.205',
        bbox: { x0, y0: 100 + (r % 20) * 16.56, x1, y1: 116.56 + (r % 20) * 16.56 },
      });
      return {
        code: String(201 + r),
        name: `项目${r}`,
        values: { total: r * 1.5 + v, basic: r * 1.25 },
        provenance: prov(42.45, 190.29),
        cells: { total: prov(190.29, 317.49), basic: prov(317.49, 444.69) },
      };
    }),
  ),
);

async function generate(sql: SqlClient): Promise<void> {
  await sql.exec(SCHEMA_SQL);
  const places = counties();
  const names = places.flatMap((p) => DEPARTMENTS.map((d) => `${p.name}${d}`));
  const codes = places.flatMap((p) => DEPARTMENTS.map(() => p.code));
  const regions = places.flatMap((p) => DEPARTMENTS.map(() => p.name));
  const batch = 10_000;
  for (let from = 1; from <= DOCS; from += batch) {
    const to = Math.min(DOCS, from + batch - 1);
    // md5 of the number is the id (64 hex like a sha256); the department and year follow from the number too.
    await sql.query(
      `insert into documents (id, url, file_name, media_type, format, size, status, issues, checks, source,
                              department, department_id, region, region_id, year, kind, findings, verification)
       select md5(i::text) || md5((i + 1)::text), 'https://example.invalid/' || i || '.pdf', 'doc-' || i || '.pdf',
              'application/pdf', 'pdf', 100000 + i,
              case when i % 20 = 0 then 'failed' when i % 7 = 0 then 'partial' else 'ok' end,
              case when i % 20 = 0 then '[{"severity":"error","code":"pdf.encrypted","message":"the PDF is encrypted"}]'::jsonb
                   else '[]'::jsonb end,
              '[]'::jsonb, jsonb_build_object('id', md5(i::text)), dep.name,
              dep.code || ':' || dep.name, dep.region, dep.code, 2015 + i % 11, ($4::text[])[1 + i % 5],
              case when i % 50 = 1 then '[{"rule":"consistency.year_mismatch","severity":"error","message":"x"}]'::jsonb
                   when i % 50 = 2 then '[{"rule":"hygiene.doubled_punctuation","severity":"warning","message":"x"}]'::jsonb end,
              '{"verified":40,"contradicted":0,"unchecked":2,"total":42,"share":0.95}'::jsonb
         from generate_series($1::int, $2::int) i,
              lateral (select ($3::text[])[1 + (i * 7919) % array_length($3::text[], 1)] as name,
                              ($5::text[])[1 + (i * 7919) % array_length($3::text[], 1)] as code,
                              ($6::text[])[1 + (i * 7919) % array_length($3::text[], 1)] as region) dep`,
      [from, to, names, KINDS, codes, regions],
    );
    await sql.query(
      `insert into records (document_id, table_id, seq, table_type, status, record)
       select md5(i::text) || md5((i + 1)::text), 't' || k, k, t.type, 'ok',
              jsonb_build_object('tableType', t.type, 'title', (2015 + i % 11) || '年' || t.title,
                                 'checks', jsonb_build_array(
                                   jsonb_build_object('rule', 'sum', 'ok', (i + k) % 31 <> 0, 'expected', 10, 'actual', 10),
                                   jsonb_build_object('rule', 'total', 'ok', true, 'expected', 5, 'actual', 5)),
                                 'rows', $5::jsonb -> ((i + k) % 30))
         from generate_series($1::int, $2::int) i, generate_series(0, 3 + i % 4) k,
              lateral (select x->>0 as type, x->>1 as title
                         from jsonb_array_elements($3::jsonb -> (($4::text[])[1 + i % 5])) with ordinality as e(x, n)
                        where n = k + 1) t
        where i % 20 <> 0`,
      [from, to, JSON.stringify(TYPES), KINDS, ROWS],
    );
    process.stderr.write(`\r  generated ${to.toLocaleString('en')} documents`);
  }
  process.stderr.write('\n');
  await sql.exec('analyze documents; analyze records;');
}

const QUERIES: Array<[string, SearchFilters]> = [
  ['--department 政协 --year 2017..2019', { department: '政协', years: parseYears('2017..2019') }],
  ['--department 上海市普陀区财政局', { department: '上海市普陀区财政局' }],
  ['--region 上海市普陀区', { region: '上海市普陀区' }],
  ['--region 普陀区 --kind final --year 2020', { region: '普陀区', kinds: ['final'], years: [2020] }],
  ['text 三公 (table titles)', { text: '三公' }],
  ['text doc-4242 (file names)', { text: 'doc-4242' }],
  ['--type perf.dept_selfeval', { tableTypes: ['perf.dept_selfeval'] }],
  ['--type final.gov_fund --region 江苏省', { tableTypes: ['final.gov_fund'], region: '江苏省' }],
  ['--status failed', { statuses: ['failed'] }],
  ['--finding consistency.year_mismatch', { findings: ['consistency.year_mismatch'] }],
  ['(no filter)', {}],
];

async function plan(sql: SqlClient, f: SearchFilters): Promise<string> {
  const params: unknown[] = [];
  const where = searchWhere(f, (v) => `$${params.push(v)}`);
  const { rows } = await sql.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) select count(*) from documents d ${where.length ? `where ${where.join(' and ')}` : ''}`,
    params,
  );
  const text = JSON.stringify(rows[0]?.['QUERY PLAN']);
  const indexes = [...new Set([...text.matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]))];
  return indexes.length ? indexes.join(', ') : 'no index';
}

async function time(sql: SqlClient, f: SearchFilters): Promise<{ ms: number; total: number }> {
  const ms: number[] = [];
  let total = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    total = (await searchDocuments(sql, f, { limit: 50 })).total ?? 0;
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(ms.length / 2)]!, total };
}

async function bench(name: string, sql: SqlClient): Promise<void> {
  const t = performance.now();
  await generate(sql);
  const counts = (
    await sql.query<{ d: string; r: string }>(
      `select (select count(*) from documents) as d, (select count(*) from records) as r`,
    )
  ).rows[0]!;
  console.log(
    `\n${name}: ${Number(counts.d).toLocaleString('en')} documents, ${Number(counts.r).toLocaleString('en')} records, generated and indexed in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
  console.log(`${'query'.padEnd(44)} ${'matches'.padStart(8)} ${'median ms'.padStart(10)}  indexes`);
  for (const [label, f] of QUERIES) {
    const { ms, total } = await time(sql, f);
    console.log(
      `${label.padEnd(44)} ${String(total).padStart(8)} ${ms.toFixed(1).padStart(10)}  ${await plan(sql, f)}`,
    );
  }
  // `budgetdoc list`: every document, 1,000 a page.
  const t0 = performance.now();
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = await searchDocuments(sql, {}, { limit: 1000, ...(cursor ? { cursor } : {}) });
    n += page.documents.length;
    cursor = page.next;
  } while (cursor);
  console.log(
    `${'list (all, 1,000 a page)'.padEnd(44)} ${String(n).padStart(8)} ${(performance.now() - t0).toFixed(0).padStart(10)}`,
  );
}

if (BACKENDS.includes('pglite')) {
  const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-search-scale-'));
  const sql = await openPglite(join(dir, 'db'));
  try {
    await bench('PGlite', sql);
  } finally {
    await sql.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (BACKENDS.includes('postgres')) {
  const admin = await openPostgres(DATABASE_URL);
  await admin.exec('drop schema if exists bench_search cascade; create schema bench_search;');
  await admin.close();
  const u = new URL(DATABASE_URL);
  u.searchParams.set('options', '-c search_path=bench_search');
  const sql = await openPostgres(u.toString());
  try {
    await bench('PostgreSQL', sql);
  } finally {
    await sql.close();
  }
}
