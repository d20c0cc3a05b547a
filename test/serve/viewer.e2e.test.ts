import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordGrid } from '../../src/serve/record-grid.js';
import { openStores } from '../../src/store/open.js';
import { budgetdoc } from '../helpers/cli.js';
import {
  boundsOf,
  chromiumPresent,
  isHighlight,
  isInk,
  launchBrowser,
  pixels,
  SAMPLES,
  type Served,
  startServe,
} from './helpers.js';

/** Disclosure text is untrusted: these go into the store and must come out as text, never as markup. */
const HOSTILE_DEPARTMENT = '<img src=x onerror="window.__xss=1">上海市杨浦区档案馆';
const HOSTILE_TITLE = '<script>window.__xss=2</script>预算表';
const HOSTILE_FINDING = '<svg onload="window.__xss=3">';

const run = chromiumPresent();

describe.runIf(run)('budgetdoc serve in headless Chromium', () => {
  let dir: string;
  let served: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  const ids: Record<string, string> = {};

  const api = async <T>(path: string): Promise<T> => (await (await fetch(new URL(path, served.url))).json()) as T;
  const cellWhere = async (id: string, match: (text: string) => boolean) => {
    const { tables } = await api<{ tables: RecordGrid[] }>(`/api/documents/${id}/grids`);
    for (const t of tables)
      for (const s of t.sections)
        for (const r of s.rows) for (const c of r) if (c.numeric && c.source?.bbox && match(c.text)) return c;
    throw new Error('no such cell');
  };
  const openDocument = async (id: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(new URL(`/documents/${id}`, served.url).href);
    await page.waitForSelector('body[data-loaded=true]');
    return page;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'budgetdoc-serve-e2e-'));
    const ingest = await budgetdoc(['ingest', '--data-dir', dir, ...Object.values(SAMPLES)]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const stores = await openStores({ dataDir: dir });
    try {
      const { rows } = await stores.records.client.query<{ id: string; file_name: string }>(
        `select id, file_name from documents`,
      );
      expect(rows).toHaveLength(4);
      for (const r of rows) ids[r.file_name] = r.id;
      const yangpu = ids['yangpu-archives-2025-whole-yuan-budget.pdf']!;
      await stores.records.client.query(`update documents set department = $2, findings = $3::jsonb where id = $1`, [
        yangpu,
        HOSTILE_DEPARTMENT,
        // As src/store/findings.ts stores them.
        JSON.stringify({
          rulesVersion: 'test',
          findings: [
            {
              rule: 'hygiene.stray_characters',
              severity: 'error',
              message: '<b>not bold</b>',
              page: 1,
              bbox: { x0: 100, y0: 100, x1: 200, y1: 120 },
              text: HOSTILE_FINDING,
              expected: null,
              actual: null,
            },
          ],
        }),
      ]);
      await stores.records.client.query(
        `update records set record = jsonb_set(record, '{title}', to_jsonb($2::text)) where document_id = $1 and seq = 0`,
        [yangpu, HOSTILE_TITLE],
      );
    } finally {
      await stores.close();
    }
    served = await startServe(dir);
    browser = await launchBrowser();
    context = browser.context;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('searches, opens a document, and a click on a value shows its box on the page image', async () => {
    const id = ids['jiangsu-2024-jiangsu-style-budget-tables.pdf']!;
    const page = await context.newPage();
    await page.goto(served.url);
    await page.fill('input[name=department]', '文物保护厅');
    await page.fill('input[name=year]', '2023..2025');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent === '1 document');
    const rows = page.locator('#results tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('江苏省文物保护厅');
    await rows.first().locator('a.doc-link').click();
    await page.waitForSelector('body[data-loaded=true]');
    expect(page.url()).toBe(new URL(`/documents/${id}`, served.url).href);
    expect(await page.locator('#verification-counts').textContent()).toMatch(
      /\d+ verified .*\d+ contradicted .*of \d+ numbers/,
    );

    // 收入合计 13,900.60 of 公开表一 (scripts/jiangsu-style-sample/data.ts), the first cell that prints it.
    const cell = await cellWhere(id, (t) => Number(t) === 13900.6);
    const bbox = cell.source!.bbox!;
    const td = page.locator('td.src.num').filter({ hasText: cell.text }).first();
    await td.scrollIntoViewIfNeeded();
    await td.click();
    await page.waitForSelector('#crop[data-state=shown]', { timeout: 60_000 });
    expect(await page.locator('#viewer-caption').textContent()).toContain(`page ${cell.source!.page} · text-layer`);
    await page.screenshot({ path: '/tmp/serve-e2e.png' });

    // Where the page image lies in the crop, and its scale: CSS pixels per PDF point.
    const geometry = await page.evaluate(() => {
      const crop = document.getElementById('crop')!.getBoundingClientRect();
      const img = document.getElementById('crop-image') as HTMLImageElement;
      const r = img.getBoundingClientRect();
      return { left: r.left - crop.left, top: r.top - crop.top, width: r.width, natural: img.naturalWidth };
    });
    const { pages } = await api<{ pages: Array<{ number: number; width: number }> }>(`/api/documents/${id}`);
    const widthPt = pages.find((p) => p.number === cell.source!.page)!.width;
    expect(geometry.natural).toBe(Math.ceil(widthPt * 2)); // drawn at 144 dpi
    const k = geometry.width / widthPt;
    const shot = await pixels(await page.locator('#crop').screenshot());
    const box = boundsOf(shot, isHighlight);
    expect(box, 'the highlight is drawn in the crop').toBeDefined();
    // The highlight's 3 px border lies just outside the cell's box, mapped onto the page image.
    const expected = {
      x0: geometry.left + bbox.x0 * k - 3,
      y0: geometry.top + bbox.y0 * k - 3,
      x1: geometry.left + bbox.x1 * k + 3,
      y1: geometry.top + bbox.y1 * k + 3,
    };
    for (const side of ['x0', 'y0', 'x1', 'y1'] as const)
      expect(Math.abs(box![side] - expected[side])).toBeLessThan(2.5);
    // Inside the box: the printed value's ink (the page image is there, under the box), and no highlight colour.
    let ink = 0;
    let tinted = 0;
    for (let y = Math.ceil(expected.y0 + 5); y < expected.y1 - 5; y++)
      for (let x = Math.ceil(expected.x0 + 5); x < expected.x1 - 5; x++) {
        if (isInk(shot.at(x, y))) ink++;
        if (isHighlight(shot.at(x, y))) tinted++;
      }
    expect(ink).toBeGreaterThan(30);
    expect(tinted).toBe(0);
    // Outside it, a band of the page with no highlight at all.
    expect(boundsOf({ ...shot, height: Math.max(1, Math.floor(expected.y0) - 2) }, isHighlight)).toBeUndefined();
    await page.close();
  });

  it('shows the OCR confidence of a value OCR read', async () => {
    const id = ids['yangling-2019-gongkai06-unmapped-glyphs.pdf']!;
    const cell = await cellWhere(id, (t) => t !== '');
    expect(cell.source?.method).toBe('ocr');
    const page = await openDocument(id);
    await page.locator('td.src.num').filter({ hasText: cell.text }).first().click();
    await page.waitForSelector('#crop[data-state=shown]', { timeout: 60_000 });
    const caption = await page.locator('#viewer-caption').textContent();
    expect(caption).toContain(`OCR confidence ${Math.round(cell.source!.confidence! * 100)}%`);
    await page.close();
  });

  it('says a workbook value has no page image and names its cell instead', async () => {
    const id = ids['yangling-2019-selfeval.xlsx']!;
    const page = await openDocument(id);
    await page.locator('td.src').first().click();
    await page.waitForSelector('#crop[data-state=none]', { state: 'attached' });
    expect(await page.locator('#viewer-caption').textContent()).toContain(
      'page images are drawn for PDF documents only',
    );
    expect(await page.locator('#crop').isHidden()).toBe(true);
    await page.close();
  });

  it('shows disclosure text as text: markup in a department, title or finding runs nothing', async () => {
    const id = ids['yangpu-archives-2025-whole-yuan-budget.pdf']!;
    const search = await context.newPage();
    await search.goto(new URL('/?text=杨浦区档案馆', served.url).href);
    await search.waitForSelector('#results tbody tr');
    expect(await search.locator('#results tbody').textContent()).toContain(HOSTILE_DEPARTMENT);
    const page = await openDocument(id);
    expect(await page.locator('#title').textContent()).toContain(HOSTILE_DEPARTMENT);
    expect(await page.locator('#tables').textContent()).toContain(HOSTILE_TITLE);
    expect(await page.locator('#findings').textContent()).toContain(HOSTILE_FINDING);
    expect(await page.locator('#findings').textContent()).toContain('<b>not bold</b>');
    // A finding with a box opens the crop like a value does.
    await page.locator('#findings tr.src').first().click();
    await page.waitForSelector('#crop[data-state=shown]', { timeout: 60_000 });
    for (const p of [search, page]) {
      expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await p.locator('img[src=x], main script, svg, b').count()).toBe(0);
    }
    await search.close();
    await page.close();
  });
});
