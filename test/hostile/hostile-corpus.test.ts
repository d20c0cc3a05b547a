import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allRecipes,
  buildCorpus,
  ciSplit,
  fastSlice,
  type ManifestEntry,
  OCR_BASES,
} from '../../scripts/hostile-corpus/corpus.js';
import {
  type IngestRun,
  isGenericReason,
  leakedRows,
  mergeRuns,
  runIngest,
  storedOutcomes,
} from '../../scripts/hostile-corpus/harness.js';
import { PASSWD_MARKER, ZIP_SLIP_TARGETS } from '../../scripts/hostile-corpus/recipe.js';
import { type FileOutcome, figures, formatFigures, outcomesByFile } from '../../scripts/hostile-corpus/report.js';

/**
 * Issue 16, "nothing lost, nothing let in": the hostile corpus (scripts/hostile-corpus/) ingested through the real
 * binary on the embedded default, as an operator's nightly run would meet it. `npm test` runs a fast slice of about
 * 70 files that covers every kind; under CI=true it runs every file (1 258), the damaged copies of OCR-read samples
 * mostly without OCR (ciSplit in scripts/hostile-corpus/corpus.ts); BUDGETDOC_HOSTILE=full runs every file with OCR
 * (about half an hour on two cores). BUDGETDOC_HOSTILE=fast keeps the fast slice under CI=true.
 */
const MODE: 'fast' | 'ci' | 'full' =
  process.env.BUDGETDOC_HOSTILE === 'full'
    ? 'full'
    : process.env.CI === 'true' && process.env.BUDGETDOC_HOSTILE !== 'fast'
      ? 'ci'
      : 'fast';
const FULL = MODE !== 'fast';
/** The bound the issue sets: the whole ingest under 4 GB resident. */
const MAX_RSS_MB = 4096;
/** The harness kills the run above this (the machine is shared); a kill is a failure of the RSS bound too. */
const KILL_ABOVE_MB = 6000;

describe(`hostile corpus, ${MODE === 'fast' ? 'fast slice' : `every file (${MODE})`}: ingested on the embedded default`, () => {
  let corpusDir = '';
  let dataDir = '';
  let manifest: ManifestEntry[] = [];
  let run: IngestRun;
  /** Each ingest of the run (two under CI), and what the first left failed as extract.unsupported. */
  const ingests: IngestRun[] = [];
  const retryable = new Set<string>();
  let outcomes: FileOutcome[] = [];
  const slipBefore = new Map(ZIP_SLIP_TARGETS.map((p) => [p, existsSync(p) ? statSync(p).mtimeMs : undefined]));
  const outcome = (path: string) => outcomes.find((o) => o.path === path);

  beforeAll(
    async () => {
      corpusDir = mkdtempSync(join(tmpdir(), 'budgetdoc-hostile-'));
      dataDir = mkdtempSync(join(tmpdir(), 'budgetdoc-hostile-store-'));
      const recipes = FULL ? allRecipes() : fastSlice(allRecipes());
      manifest = await buildCorpus(corpusDir, recipes);
      // The per-document limit the issue's run used; the binary takes seconds.
      const ingest = (paths: string[], noOcr = false) =>
        runIngest({ paths, dataDir, timeoutSeconds: 60, killAboveMb: KILL_ABOVE_MB, stallSeconds: 600, noOcr });
      if (MODE === 'ci') {
        const split = ciSplit(recipes);
        const files = (rs: typeof recipes) => rs.map((r) => join(corpusDir, r.path));
        const first = await ingest(files(split.withOcr));
        // Bytes the first ingest could not read for want of an extractor are tried again when seen again
        // (src/pipeline/register-file.ts isRetryable): the same bytes under another name in the second one.
        for (const d of await storedOutcomes(dataDir))
          if (d.status === 'failed' && d.reason?.code === 'extract.unsupported') retryable.add(d.id);
        const second = await ingest(files(split.withoutOcr), true);
        ingests.push(first, second);
        run = mergeRuns(first, second);
      } else {
        run = await ingest([corpusDir]);
        ingests.push(run);
      }
      outcomes = outcomesByFile(corpusDir, manifest, await storedOutcomes(dataDir));
      const crashed = run.signal !== null || run.killed !== undefined || (run.code !== 0 && run.code !== 1);
      console.log(
        formatFigures(figures(outcomes, run.extractMs), {
          peakRssMb: run.peakRssMb,
          seconds: run.seconds,
          crashes:
            crashed && run.killed !== 'stall' ? [`exit ${run.code ?? run.signal} ${run.killed ?? ''}`.trim()] : [],
          hangs: run.killed === 'stall' ? ['no progress for 600 s'] : [],
        }),
      );
      if (crashed) console.log(run.stderr.split('\n').slice(-30).join('\n'));
    },
    (MODE === 'full' ? 8 * 3600 : 40 * 60) * 1000,
  );
  afterAll(() => {
    for (const dir of [corpusDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never crashes: the binary exits 0 or 1, never by a signal or out of memory', () => {
    expect(run.killed, 'killed by the harness').toBeUndefined();
    expect(run.signal).toBeNull();
    expect([0, 1]).toContain(run.code);
    expect(run.report, 'ingest --json printed its summary').toBeDefined();
    expect(run.stderr).not.toMatch(/heap out of memory|FATAL ERROR|Aborted \(core dumped\)/);
  });

  it('never hangs: every file is registered and every document reaches ok, partial or failed', () => {
    expect(manifest.length).toBeGreaterThan(FULL ? 1000 : 50);
    expect(outcomes.filter((o) => o.status === 'missing').map((o) => o.path)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 'pending').map((o) => o.path)).toEqual([]);
    for (const o of outcomes) expect(['ok', 'partial', 'failed'], o.path).toContain(o.status);
  });

  it('every failed document names its cause', () => {
    const generic = outcomes.filter((o) => o.status === 'failed' && isGenericReason(o.reason));
    expect(generic.map((o) => `${o.path}: ${o.reason?.code} ${o.reason?.message}`)).toEqual([]);
  });

  it(`stays under ${MAX_RSS_MB} MB resident, the process and its children together`, () => {
    expect(run.peakRssMb).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('reads nothing outside its input: no /etc/passwd text anywhere, no file written by a zip-slip entry', async () => {
    expect(run.stdout).not.toContain(PASSWD_MARKER);
    expect(run.stderr).not.toContain(PASSWD_MARKER);
    expect(await leakedRows(dataDir)).toBe(0);
    for (const p of ZIP_SLIP_TARGETS) {
      const after = existsSync(p) ? statSync(p).mtimeMs : undefined;
      expect(after, p).toBe(slipBefore.get(p));
    }
  });

  it('the same bytes under two names are one document, extracted once', () => {
    const dups = outcomes.filter((o) => o.kind === 'duplicate');
    expect(dups).toHaveLength(2);
    expect(dups[0]!.documentId).toBe(dups[1]!.documentId);
    expect(run.extractions.get(dups[0]!.documentId!)).toBe(1);
    // Within one ingest nothing is extracted twice; across the two of CI only the documented retry is.
    for (const one of ingests) expect([...one.extractions].filter(([, n]) => n > 1)).toEqual([]);
    const twice = [...run.extractions].filter(([id, n]) => n > 1 && !retryable.has(id));
    expect(twice).toEqual([]);
  });

  it('the named attacks end as they must: refused by the bound that catches each, with its code', () => {
    const expected: Array<[string, string, string?]> = [
      ['zip-bomb/docx-lying.docx', 'failed', 'zip.size_mismatch'],
      ['zip-bomb/docx-honest.docx', 'failed', 'zip.bomb'],
      ['zip-bomb/xlsx-lying-media.xlsx', 'failed', 'zip.size_mismatch'],
      ['xml-entities/docx-billion-laughs.docx', 'failed', 'docx.xml_entities'],
      ['xml-entities/docx-xxe-passwd.docx', 'failed', 'docx.xml_entities'],
      ['xml-entities/docx-utf16-xxe.docx', 'failed', 'docx.xml_entities'],
      ['xml-entities/xlsx-xxe-after-comment.xlsx', 'failed', 'xlsx.xml_entities'],
      ['rels-traversal/docx-zip-slip.docx', 'failed', 'zip.path_traversal'],
      ['image-bomb/png-claims-100000.png', 'failed', 'image.too_large'],
      ['pdf-size/page-5000-image.pdf', 'failed', 'pdf.page_too_large'],
      ['pdf-size/mediabox-1e7-image.pdf', 'failed', 'pdf.page_too_large'],
      ['pdf-encrypted/aes-256.pdf', 'failed', 'pdf.encrypted'],
      ['html-big/body-50mb-one-paragraph.html', 'failed', 'html.too_large'],
      ['docx-grid/gridspan-1e8-30000-rows.docx', 'failed', 'docx.table_too_large'],
      ['docx-grid/tblgrid-100000-cols.docx', 'failed', 'docx.table_too_large'],
      // Refused before parsing: 1.2 million elements would cost parse5 1.5 GB.
      ['html-big/table-200000-rows.html', 'failed', 'html.too_large'],
      // Clipped with a warning, read as far as the bound: partial, never failed for it.
      ['docx-grid/rows-100000.docx', 'partial'],
      ['html-big/table-1000x100000-colspan.html', 'partial'],
      ['rels-traversal/docx-dotdot.docx', 'partial'],
      ['image-bomb/docx-png-claims-100000.docx', 'partial'],
      // pdf.js drops the image; src/extract/pdf/image-sizes.ts names it, so the blank page is not `ok`.
      ['pdf-size/image-60000-zeros.pdf', 'partial'],
      // Its damaged xref made pdf.js leave a rejection unhandled, which ended the document with Node's generic text.
      ['zero/pdf-funing-2020-project-targets-tenth.pdf', 'partial'],
    ];
    for (const [path, status, code] of expected) {
      const o = outcome(path);
      expect(o, path).toBeDefined();
      expect(o!.status, `${path}: ${o!.reason?.code} ${o!.reason?.message}`).toBe(status);
      if (code) expect(o!.reason?.code, path).toBe(code);
    }
    // A real XLS named .et is read by its content, not refused as needing LibreOffice.
    expect(outcome('renamed-workbook/xls-as.et')?.status).not.toBe('failed');
  });

  it('an undamaged sample is never failed (the control group)', () => {
    const intact = outcomes.filter(
      (o) => o.kind === 'intact' && !OCR_BASES.test(manifest.find((m) => m.path === o.path)!.base),
    );
    expect(intact.length).toBeGreaterThan(0);
    for (const o of intact) expect(o.status, `${o.path}: ${o.reason?.message}`).not.toBe('failed');
  });
});
