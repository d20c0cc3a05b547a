import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCrawlCommands } from '../../../src/cli/crawl.js';
import type { CrawlReport } from '../../../src/crawl/report.js';
import { SqlFetchStateStore } from '../../../src/crawl/sql-fetch-state.js';
import { openStores } from '../../../src/store/open.js';
import { SqlRecordStore } from '../../../src/store/sql-record-store.js';
import { startFixtureSite, type FixtureSite } from '../../fixtures/site/server.js';

/** Runs `budgetdoc crawl ... --json` in this process and returns the printed report. */
async function crawlCli(args: string[]): Promise<CrawlReport> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  try {
    const program = new Command('budgetdoc').exitOverride();
    registerCrawlCommands(program);
    await program.parseAsync(['node', 'budgetdoc', 'crawl', ...args, '--json']);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out.join('')) as CrawlReport;
}

describe('budgetdoc crawl --start-url (embedded store, no Redis)', () => {
  let site: FixtureSite;
  let dataDir: string;
  let first: CrawlReport;
  let second: CrawlReport;
  const RATE = 5;
  beforeAll(async () => {
    process.env.LOG_LEVEL = 'warn';
    site = await startFixtureSite();
    dataDir = mkdtempSync(join(tmpdir(), 'budgetdoc-crawl-'));
    const args = ['--start-url', `${site.origin}/`, '--data-dir', dataDir, '--rate', `${RATE}/1`, '--timeout', '400', '--no-ocr'];
    first = await crawlCli(args);
    second = await crawlCli(args);
  });
  afterAll(async () => {
    await site?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the attachments and the table article with crawl provenance', async () => {
    // 7 documents fetched and the hanging one failed; a document whose format has no extractor
    // in this build would count as failed (extract.failed), never as lost
    expect(first.documents).toMatchObject({ changed: 0, unchanged: 0, skippedByRobots: 1 });
    expect(first.documents.new + first.documents.failed).toBe(9);
    const failures = first.items.filter((i) => i.kind === 'document' && i.outcome === 'failed').map((i) => i.reason);
    expect(failures.filter((r) => r !== 'extract.failed').sort()).toEqual(['http.404', 'http.timeout']);
    expect(first.recordsByTableType['perf.dept_target']).toBeGreaterThanOrEqual(1);
    const stores = await openStores({ dataDir });
    try {
      const id = (p: string) => createHash('sha256').update(site.bodyOf(p)).digest('hex');
      const docx = await stores.records.getDocument(id('/attach/1002.docx'));
      expect(docx?.source).toMatchObject({
        url: `${site.origin}/attach/1002.docx`,
        fileName: '洪江市财政局2024年部门预算说明.docx',
        discoveredFrom: { listingUrl: `${site.origin}/yjsgk/index.html`, articleTitle: '洪江市财政局2024年部门决算公开', publishedAt: '2023-06-01 09:30' },
      });
      const state = await SqlFetchStateStore.open((stores.records as SqlRecordStore).client);
      expect(await state.getFetchState(`${site.origin}/attach/1002.docx`)).toMatchObject({ version: 1, etag: expect.stringMatching(/^"/) });
      const summary = await stores.records.summary();
      for (const [type, n] of Object.entries(first.recordsByTableType)) expect(summary.tablesByType[type]).toBe(n);
    } finally {
      await stores.close();
    }
  });

  it('lists every URL with its outcome in the JSON report', () => {
    const outcome = (path: string) => first.items.find((i) => i.url === `${site.origin}${path}` && i.kind !== 'member')?.outcome;
    expect(outcome('/attach/1001.pdf')).toBe('new');
    expect(outcome('/private/budget.pdf')).toBe('skipped');
    expect(outcome('/hang/7001.pdf')).toBe('failed');
    expect(first.items.filter((i) => i.kind === 'member')).toHaveLength(2);
    expect(first.durationMs).toBeGreaterThan(0);
  });

  it('obeys the per-host rate limit', () => {
    const hits = site.requests.map((r) => r.at).sort((a, b) => a - b);
    // fixed one-second windows: never more than two windows' budget in any sliding second
    for (let i = 0; i + 2 * RATE < hits.length; i++) expect(hits[i + 2 * RATE]! - hits[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('a second run reports 0 new documents and stores nothing again', () => {
    expect(second.documents).toMatchObject({ new: 0, changed: 0, unchanged: 7, failed: 2 });
    expect(second.recordsByTableType).toEqual({});
  });
});
