import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { formatJson, projectDocument, type ExpectedDocument } from './project.js';
import { CORPUS_SAMPLES, DERIVED_SAMPLES } from '../../../bench/sample-index.js';
import { corpusAvailable, corpusFile } from '../../helpers/corpus.js';
import { derivedAvailable, derivedFile } from '../../helpers/derived.js';

/**
 * Every sample PDF against its table snapshot in test/snapshots/pdf/<name>.expected.json (issue 3): what the
 * extractor printed once (ids, boxes, captions included), reviewed and checked with scripts/check-pdf-expected.ts;
 * they catch changes, they do not measure accuracy (test/snapshots/README.md). The project's own PDFs are under
 * samples/pdf/, the corpus PDFs are read where the corpus lies (test/helpers/corpus.ts), a derived PDF with a
 * snapshot is built at test time (test/helpers/derived.ts). UPDATE_GOLDEN=1 rewrites them, which CI refuses.
 */
const ROOT = 'samples/pdf';
const GOLDEN = 'test/snapshots/pdf';
const update = process.env.UPDATE_GOLDEN === '1';

function pdfs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pdfs(p);
    return e.name.endsWith('.pdf') ? [p] : [];
  });
}

const expectedPath = (file: string) => join(GOLDEN, `${basename(file, '.pdf')}.expected.json`);

interface Case {
  label: string;
  name: string;
  ocr: boolean;
  run: boolean;
  path(): Promise<string>;
}

// Scanned samples (samples/pdf/scan/, the OCR engineer's) take part once their expected file exists.
const own: Case[] = pdfs(ROOT)
  .filter((f) => !relative(ROOT, f).startsWith('scan/') || existsSync(expectedPath(f)))
  .map((f) => ({
    label: relative(ROOT, f),
    name: basename(f),
    ocr: relative(ROOT, f).startsWith('scan/'),
    run: true,
    path: async () => f,
  }));
const corpusPdfs = CORPUS_SAMPLES.filter((n) => n.endsWith('.pdf'));
const corpusOk = corpusAvailable(corpusPdfs, 'PDF snapshots of the corpus');
const corpus: Case[] = corpusPdfs.map((n) => ({
  label: `corpus/${n}`,
  name: n,
  ocr: false,
  run: corpusOk,
  path: async () => corpusFile(n),
}));
const derived: Case[] = DERIVED_SAMPLES.filter((d) => d.name.endsWith('.pdf') && existsSync(expectedPath(d.name))).map(
  (d) => ({
    label: `derived/${d.name}`,
    name: d.name,
    ocr: true,
    run: derivedAvailable(d.name),
    path: () => derivedFile(d.name),
  }),
);
const samples = [...own, ...corpus, ...derived];

describe('golden: PDF tables', () => {
  it('refuses to regenerate on CI', () => {
    expect(update && process.env.CI === 'true').toBe(false);
  });

  it('has a sample for every snapshot', () => {
    const names = new Set(samples.map((c) => basename(c.name, '.pdf')));
    const orphans = readdirSync(GOLDEN).filter(
      (f) => f.endsWith('.expected.json') && !names.has(basename(f, '.expected.json')),
    );
    expect(orphans).toEqual([]);
    expect(samples.length).toBeGreaterThanOrEqual(12);
  });

  for (const { label, name, ocr, run, path: locate } of samples) {
    it.runIf(run)(`${label}: every table, cell for cell`, { timeout: 600_000 }, async () => {
      const file = await locate();
      const bytes = new Uint8Array(readFileSync(file));
      const source = {
        id: 'golden',
        url: `file:${file}`,
        fetchedAt: '2026-01-01T00:00:00Z',
        mediaType: 'application/pdf',
        size: bytes.length,
      };
      const got = projectDocument(await extractPdf(bytes, { source, limits: { ...defaultLimits, ocr } }));
      const path = expectedPath(name);
      if (update) {
        if (process.env.CI === 'true') throw new Error('UPDATE_GOLDEN is not allowed on CI');
        writeFileSync(path, formatJson(got));
      }
      const want = JSON.parse(readFileSync(path, 'utf8')) as ExpectedDocument;
      expect(got.tables.map((t) => [t.id, t.nRows, t.nCols])).toEqual(want.tables.map((t) => [t.id, t.nRows, t.nCols]));
      for (const [k, t] of want.tables.entries()) expect(got.tables[k], t.id).toEqual(t);
      expect(got).toEqual(want);
    });
  }
});
