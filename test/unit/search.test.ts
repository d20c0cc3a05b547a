import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../../schemas/common.js';
import type { RecognisedRecord } from '../../src/recognise/types.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { parseKinds, parseYears, regionCodes, type SearchFilters, searchDocuments } from '../../src/store/search.js';
import { freshSchemaUrl, serviceUp } from '../helpers/services.js';
import { testSource } from '../helpers/sources.js';

/** Departments as they are printed in the corpus and the samples (docs/domain.md §4), with region, year and kind. */
interface Doc {
  file: string;
  department: string | null;
  region: RecognisedRecord['region'];
  year: number | null;
  kind: RecognisedRecord['kind'];
  types: string[];
  titles?: string[];
  failedChecks?: number;
  findings?: Array<{ rule: string; severity: string }>;
  failed?: string;
}

const DOCS: Doc[] = [
  {
    file: 'cppcc-2017-tables.pdf',
    department: '江苏省政协办公厅',
    region: { province: '江苏省' },
    year: 2017,
    kind: 'budget',
    types: ['budget.summary', 'budget.income'],
    titles: ['2017年收支预算总表', '2017年收入预算总表'],
  },
  {
    file: 'cppcc-2018.pdf',
    department: '中国人民政治协商会议江苏省委员会办公厅',
    region: { province: '江苏省' },
    year: 2018,
    kind: 'budget',
    types: ['budget.summary'],
    failedChecks: 2,
  },
  {
    file: 'cppcc-2020.pdf',
    department: '政协江苏省委员会办公厅',
    region: { province: '江苏省' },
    year: 2020,
    kind: 'final',
    types: ['final.summary'],
  },
  {
    file: 'npc-2019.pdf',
    department: '江苏省人大常委会办公厅',
    region: { province: '江苏省' },
    year: 2019,
    kind: 'budget',
    types: ['budget.summary'],
  },
  // An OCR misreading (厅 read 斤) no spelling rule can know: a user merges it (budgetdoc departments --merge).
  {
    file: 'npc-2020-ocr.pdf',
    department: '江苏省人大常委会办公斤',
    region: { province: '江苏省' },
    year: 2020,
    kind: 'budget',
    types: ['budget.summary'],
  },
  {
    file: 'yangling-2019.docx',
    department: '咸阳市杨陵区人民代表大会常务委员会办公室',
    region: { province: '陕西省', city: '咸阳市', county: '杨陵区' },
    year: 2019,
    kind: 'perf_selfeval',
    types: ['perf.dept_selfeval', 'perf.project_selfeval'],
    findings: [
      { rule: 'consistency.year_mismatch', severity: 'error' },
      { rule: 'hygiene.doubled_punctuation', severity: 'warning' },
    ],
  },
  {
    file: 'putuo-office-2025.pdf',
    department: '上海市普陀区人民政府办公室',
    region: { province: '上海市', county: '普陀区' },
    year: 2025,
    kind: 'budget',
    types: ['budget.summary'],
    findings: [{ rule: 'placeholders.template_text', severity: 'warning' }],
  },
  {
    file: 'zhoushan-putuo-2025.pdf',
    department: '舟山市普陀区财政局',
    region: { province: '浙江省', city: '舟山市', county: '普陀区' },
    year: 2025,
    kind: 'final',
    types: ['final.summary'],
  },
  {
    file: 'shanghai-finance-2025.pdf',
    department: '上海市财政局',
    region: { province: '上海市' },
    year: 2025,
    kind: 'budget',
    types: ['budget.summary'],
  },
  { file: 'broken.pdf', department: null, region: {}, year: null, kind: 'unknown', types: [], failed: 'pdf.encrypted' },
];

const prov = (id: string) => ({ sourceId: id, page: 1, method: 'text-layer' as const, extractor: 'test' });

function records(id: string, d: Doc): RecognisedRecord[] {
  return d.types.map((tableType, i) => {
    const checks: Check[] = Array.from({ length: i === 0 ? (d.failedChecks ?? 0) : 0 }, (_, n) => ({
      rule: `test.rule_${n}`,
      expected: 10,
      actual: 11,
      ok: false,
      tolerance: 0,
    }));
    checks.push({ rule: 'test.passes', expected: 5, actual: 5, ok: true, tolerance: 0 });
    return {
      tableType,
      tableId: `t${i + 1}`,
      title: d.titles?.[i] ?? `表${i + 1}`,
      unit: '万元',
      region: d.region,
      department: d.department,
      year: d.year,
      kind: d.kind,
      rows: [{ name: '合计', values: { total: 5 }, provenance: prov(id) }],
      checks,
      issues: [],
      provenance: prov(id),
      metaProvenance: {},
      status: checks.some((c) => !c.ok) ? 'partial' : 'ok',
      versions: {},
    } as RecognisedRecord;
  });
}

async function fill(stores: Stores): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const d of DOCS) {
    const source = testSource(new TextEncoder().encode(d.file), d.file, 'application/pdf');
    ids.set(d.file, source.id);
    await stores.records.upsertSource(source, 'pdf');
    if (d.failed) {
      await stores.records.markFailed(source.id, {
        severity: 'error',
        code: d.failed,
        message: 'the PDF is encrypted',
      });
      continue;
    }
    const recs = records(source.id, d);
    await stores.records.saveRecords(source.id, recs, [], recs.some((r) => r.status !== 'ok') ? 'partial' : 'ok', []);
    if (d.findings)
      await stores.records.client.query(`update documents set findings = $2::jsonb where id = $1`, [
        source.id,
        // As src/store/findings.ts stores them.
        JSON.stringify({
          rulesVersion: 'test',
          findings: d.findings.map((f) => ({
            ...f,
            message: 'test',
            page: 1,
            bbox: null,
            text: null,
            expected: null,
            actual: null,
          })),
        }),
      ]);
  }
  const depOf = async (file: string) =>
    (
      await stores.records.client.query<{ d: string }>(`select department_id as d from documents where id = $1`, [
        ids.get(file),
      ])
    ).rows[0]!.d;
  const npc = await depOf('npc-2019.pdf');
  await stores.records.client.query(
    `insert into department_aliases (department_id, canonical_id, name) values ($1, $2, null), ($2, $2, '江苏省人大常委会机关')`,
    [await depOf('npc-2020-ocr.pdf'), npc],
  );
  return ids;
}

describe('search filters as typed', () => {
  it('reads years as ranges and lists', () => {
    expect(parseYears('2019..2023')).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(parseYears('2017,2019')).toEqual([2017, 2019]);
    expect(parseYears('2021, 2017..2018')).toEqual([2017, 2018, 2021]);
    expect(() => parseYears('abc')).toThrow(/not a year/);
    expect(() => parseYears('2023..2019')).toThrow(/backwards/);
  });

  it('takes kinds by schema name or printed word', () => {
    expect(parseKinds(['决算', 'perf_target'])).toEqual(['final', 'perf_target']);
    expect(() => parseKinds(['report'])).toThrow(/unknown kind/);
  });

  it('resolves whole region names to division codes, an ambiguous district to both', () => {
    expect(regionCodes('上海市普陀区')).toEqual(['310107']);
    expect(regionCodes('普陀区').sort()).toEqual(['310107', '330903']);
    expect(regionCodes('上海')).toEqual(['31']);
    expect(regionCodes('陀区')).toEqual([]);
  });
});

const pgUp = await serviceUp('postgres');

const backends: Array<[string, () => Promise<{ stores: Stores; drop(): Promise<void> }>, boolean]> = [
  ['PGlite', async () => ({ stores: await openStores({ dataDir: 'memory://' }), drop: async () => {} }), true],
  [
    'PostgreSQL',
    async () => {
      const schema = await freshSchemaUrl();
      return { stores: await openStores({ databaseUrl: schema.url }), drop: () => schema.drop() };
    },
    pgUp,
  ],
];

describe.each(backends)('searchDocuments on %s', (_name, open, run) => {
  let stores: Stores;
  let drop: () => Promise<void>;
  let ids: Map<string, string>;
  const files = async (f: SearchFilters) =>
    (await searchDocuments(stores.records.client, f, { limit: 100 })).documents.map((d) => d.fileName).sort();

  beforeAll(async () => {
    if (!run) return;
    ({ stores, drop } = await open());
    ids = await fill(stores);
  });
  afterAll(async () => {
    if (!run) return;
    await stores.close();
    await drop();
  });

  it.runIf(run)('matches a department across its spellings and years as a range', async () => {
    expect(await files({ department: '政协', years: parseYears('2017..2019') })).toEqual([
      'cppcc-2017-tables.pdf',
      'cppcc-2018.pdf',
    ]);
    // 全称, 简称 and 办公室 for 办公厅 all reach every year of the same office.
    const all = ['cppcc-2017-tables.pdf', 'cppcc-2018.pdf', 'cppcc-2020.pdf'];
    expect(await files({ department: '江苏省政协办公室' })).toEqual(all);
    expect(await files({ department: '中国人民政治协商会议江苏省委员会办公厅' })).toEqual(all);
    expect(await files({ department: '江苏省人大办公厅' })).toEqual(['npc-2019.pdf', 'npc-2020-ocr.pdf']);
    expect(await files({ department: '杨陵区人大常委会办公室' })).toEqual(['yangling-2019.docx']);
    expect(await files({ department: '普陀区政府办公室' })).toEqual(['putuo-office-2025.pdf']);
    expect(await files({ department: '人大' })).toEqual(['npc-2019.pdf', 'npc-2020-ocr.pdf', 'yangling-2019.docx']);
    expect(await files({ department: '公安局' })).toEqual([]);
  });

  it.runIf(run)('finds a merged department under every name of it, shown by the name it was given', async () => {
    expect(await files({ department: '江苏省人大常委会办公斤' })).toEqual(['npc-2019.pdf', 'npc-2020-ocr.pdf']);
    const named = await searchDocuments(stores.records.client, { department: '人大常委会机关' });
    expect(named.documents.map((d) => [d.fileName, d.department, d.printedDepartment])).toEqual([
      ['npc-2020-ocr.pdf', '江苏省人大常委会机关', '江苏省人大常委会办公斤'],
      ['npc-2019.pdf', '江苏省人大常委会机关', '江苏省人大常委会办公厅'],
    ]);
    expect(new Set(named.documents.map((d) => d.departmentId)).size).toBe(1);
  });

  it.runIf(run)('matches a region on its whole name, not on any substring', async () => {
    expect(await files({ region: '上海市普陀区' })).toEqual(['putuo-office-2025.pdf']);
    expect(await files({ region: '上海市' })).toEqual(['putuo-office-2025.pdf', 'shanghai-finance-2025.pdf']);
    expect(await files({ region: '普陀区' })).toEqual(['putuo-office-2025.pdf', 'zhoushan-putuo-2025.pdf']);
    expect(await files({ region: '310107' })).toEqual(['putuo-office-2025.pdf']);
    expect(await files({ region: '陀区' })).toEqual([]);
    expect(await files({ region: '海市' })).toEqual([]);
  });

  it.runIf(run)('filters by text, kind, table type, status and finding', async () => {
    expect(await files({ text: '收入预算总表' })).toEqual(['cppcc-2017-tables.pdf']);
    expect(await files({ text: 'CPPCC' })).toEqual(['cppcc-2017-tables.pdf', 'cppcc-2018.pdf', 'cppcc-2020.pdf']);
    expect(await files({ text: '财政' })).toEqual(['shanghai-finance-2025.pdf', 'zhoushan-putuo-2025.pdf']);
    expect(await files({ text: ids.get('npc-2019.pdf')!.slice(0, 8) })).toEqual(['npc-2019.pdf']);
    expect(await files({ kinds: ['final'] })).toEqual(['cppcc-2020.pdf', 'zhoushan-putuo-2025.pdf']);
    expect(await files({ tableTypes: ['perf.'] })).toEqual(['yangling-2019.docx']);
    expect(await files({ tableTypes: ['final.summary', 'budget.income'] })).toEqual([
      'cppcc-2017-tables.pdf',
      'cppcc-2020.pdf',
      'zhoushan-putuo-2025.pdf',
    ]);
    expect(await files({ statuses: ['failed'] })).toEqual(['broken.pdf']);
    expect(await files({ statuses: ['partial'] })).toEqual(['cppcc-2018.pdf']);
    expect(await files({ findings: ['consistency.year_mismatch'] })).toEqual(['yangling-2019.docx']);
    expect(await files({ findings: ['placeholders.'] })).toEqual(['putuo-office-2025.pdf']);
    expect(await files({ findings: ['consistency.year'] })).toEqual([]);
  });

  it.runIf(run)('reports counts per document and the reason a failed one failed', async () => {
    const { documents } = await searchDocuments(stores.records.client, {}, { limit: 100 });
    const by = new Map(documents.map((d) => [d.fileName, d]));
    expect(by.get('cppcc-2017-tables.pdf')).toMatchObject({ tables: 2, failedChecks: 0, findings: 0, year: 2017 });
    expect(by.get('cppcc-2018.pdf')).toMatchObject({ tables: 1, failedChecks: 2, status: 'partial' });
    expect(by.get('yangling-2019.docx')).toMatchObject({ findings: 2, findingErrors: 1, region: '陕西省咸阳市杨陵区' });
    expect(by.get('broken.pdf')).toMatchObject({
      status: 'failed',
      reason: 'pdf.encrypted: the PDF is encrypted',
      tables: 0,
    });
    // Newest year first; the document without a year last.
    expect(documents.map((d) => d.year)).toEqual([2025, 2025, 2025, 2020, 2020, 2019, 2019, 2018, 2017, null]);
  });

  it.runIf(run)('pages with a cursor through every document once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchDocuments(stores.records.client, {}, { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(cursor ? null : DOCS.length);
      seen.push(...page.documents.map((d) => d.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(DOCS.length);
    expect(new Set(seen).size).toBe(DOCS.length);
    await expect(searchDocuments(stores.records.client, {}, { cursor: 'garbage' })).rejects.toThrow(/cursor/);
  });
});
