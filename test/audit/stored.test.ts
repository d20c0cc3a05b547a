import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlantedSample, type PlantedSample } from '../../scripts/planted-errors/build.js';
import { CJK_FONT } from '../../scripts/pdf-sample-kit.js';
import { RULES_VERSION } from '../../src/audit/rulebook.js';
import { auditStored, storeFindings } from '../../src/audit/stored.js';
import type { Finding } from '../../src/audit/types.js';
import { runStage } from '../../src/pipeline/handlers.js';
import { loadFindings, peerDocuments, saveFindings } from '../../src/store/findings.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { budgetdoc } from '../helpers/cli.js';
import { depsOf } from '../helpers/pipeline.js';
import { freshSchemaUrl, serviceUp, systemPackage } from '../helpers/services.js';
import { docOf, record, row } from './build.js';

/** Findings kept with the document (issue 13): stored at ingest, replaced on a retried job, re-computed on a rule change. */
describe.runIf(systemPackage(existsSync(CJK_FONT), 'the planted sample (printed with pdfkit)', 'fonts-wqy-zenhei'))(
  'findings stored by ingest (embedded store)',
  () => {
    let sample: PlantedSample;
    let dir: string;
    let id: string;

    beforeAll(async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'budgetdoc-findings-'));
      sample = await buildPlantedSample(join(tmp, 'sample'));
      dir = join(tmp, 'store');
      const r = await budgetdoc(['ingest', '--data-dir', dir, sample.planted]);
      expect(r.code, r.stderr).toBe(0);
    }, 240_000);

    const withStores = async <T>(fn: (s: Stores) => Promise<T>): Promise<T> => {
      const s = await openStores({ dataDir: dir });
      try {
        return await fn(s);
      } finally {
        await s.close();
      }
    };

    it('stores { rulesVersion, findings } in the store stage', async () => {
      const stored = await withStores(async (s) => {
        const { rows } = await s.records.client.query<{ id: string }>('select id from documents');
        id = rows[0]!.id;
        return loadFindings<Finding>(s.records.client, id);
      });
      expect(stored?.rulesVersion).toBe(RULES_VERSION);
      const rules = new Set(stored!.findings.map((f) => f.rule));
      for (const e of sample.errors)
        expect(
          e.rules.some((r) => rules.has(r)),
          e.id,
        ).toBe(true);
    });

    it('replaces them on a retried store job, never appends', async () => {
      const [before, after] = await withStores(async (s) => {
        const first = await loadFindings<Finding>(s.records.client, id);
        const doc = (await s.records.getDocument(id))!;
        const data = {
          sourceId: id,
          runId: 'retry',
          status: doc.status,
          records: await s.records.listRecords(id),
          checks: doc.checks,
          issues: doc.issues,
        };
        await runStage('store', data, depsOf(s));
        await runStage('store', data, depsOf(s));
        return [first, await loadFindings<Finding>(s.records.client, id)];
      });
      expect(after!.findings).toEqual(before!.findings);
    });

    it('audit --stored re-computes findings a rulebook of another version made', async () => {
      const count = await withStores(async (s) => {
        const n = (await loadFindings(s.records.client, id))!.findings.length;
        await saveFindings(s.records.client, id, { rulesVersion: '0-00000000', findings: [] });
        return n;
      });
      const r = await budgetdoc(['audit', '--stored', '--data-dir', dir, '--json']);
      expect(r.code).toBe(1);
      const docs = JSON.parse(r.stdout).documents;
      expect(docs).toHaveLength(1);
      expect(docs[0].findings).toHaveLength(count);
      const again = await withStores((s) => loadFindings(s.records.client, id));
      expect(again?.rulesVersion).toBe(RULES_VERSION);
      expect(again?.findings).toHaveLength(count);
    });
  },
);

/** The same queries on PostgreSQL, and the cross-document rule once both files of a pair are stored. */
describe.runIf(await serviceUp('postgres'))('findings on PostgreSQL', () => {
  let stores: Stores;
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  beforeAll(async () => {
    schema = await freshSchemaUrl();
    stores = await openStores({ databaseUrl: schema.url });
  });
  afterAll(async () => {
    await stores?.close();
    await schema?.drop();
  });

  const narrative = {
    ...docOf([
      ['杨陵区人大常委会办公室2019年度部门决算公开文件'],
      ['一、收支决算总体情况说明', '2019年度总收入533.64万元。'],
    ]),
    source: { ...docOf([]).source, id: '1'.repeat(64), fileName: 'narrative.pdf' },
  };
  const tablesDoc = { ...docOf([[]]), source: { ...docOf([]).source, id: '2'.repeat(64), fileName: 'tables.pdf' } };
  const dept = { department: '杨陵区人大常委会办公室', year: 2019 };
  const tables = [
    record('final.summary', 1, { ...dept, rows: [row('本年收入合计', { amount: 500 }, 1, { side: 'income' })] }),
    record('final.income', 2, dept),
    record('final.expenditure', 3, dept),
  ];
  // What recognition keeps of a narrative-only file: the record of its figures (schemas/narrative.ts), naming the department.
  const narrativeRecords = [record('narrative', 2, { ...dept, tableType: 'narrative', kind: 'final', rows: [] })];

  async function store(doc: typeof narrative, records: typeof tables): Promise<void> {
    await stores.records.upsertSource(doc.source, 'pdf');
    await stores.records.saveExtraction(doc.source.id, doc);
    await stores.records.saveRecords(doc.source.id, records, [], 'ok', []);
    await storeFindings(stores.records, doc.source.id);
  }

  it('checks a narrative file stored first against its tables file once that is stored', async () => {
    await store(narrative, narrativeRecords);
    const first = await loadFindings<Finding>(stores.records.client, narrative.source.id);
    expect(first?.findings.filter((f) => f.rule === 'cross_document.figure_mismatch')).toHaveLength(0);
    await store(tablesDoc, tables);
    expect((await peerDocuments(stores.records.client, narrative.source.id)).map((p) => p.id)).toEqual([
      tablesDoc.source.id,
    ]);
    // Each side asks only for the other kind of file (issue 12: no store stage reads every peer's records).
    const ids = async (id: string, which: 'tables' | 'narrative-only') =>
      (await peerDocuments(stores.records.client, id, which)).map((p) => p.id);
    expect(await ids(narrative.source.id, 'tables')).toEqual([tablesDoc.source.id]);
    expect(await ids(narrative.source.id, 'narrative-only')).toEqual([]);
    expect(await ids(tablesDoc.source.id, 'narrative-only')).toEqual([narrative.source.id]);
    expect(await ids(tablesDoc.source.id, 'tables')).toEqual([]);
    const later = await loadFindings<Finding>(stores.records.client, narrative.source.id);
    const hit = later?.findings.find((f) => f.rule === 'cross_document.figure_mismatch');
    expect(hit).toMatchObject({ severity: 'error', page: 2, expected: 500, actual: 533.64 });
  });

  it('keeps current findings and re-computes those of another version', async () => {
    expect((await auditStored(stores.records, narrative.source.id))?.recomputed).toBe(false);
    await saveFindings(stores.records.client, narrative.source.id, { rulesVersion: 'old', findings: [] });
    const again = await auditStored(stores.records, narrative.source.id);
    expect(again?.recomputed).toBe(true);
    expect(again?.findings.some((f) => f.rule === 'cross_document.figure_mismatch')).toBe(true);
  });
});
