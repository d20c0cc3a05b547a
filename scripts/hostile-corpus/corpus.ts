import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadBases } from './bases.js';
import { flips, shuffles, splices, truncations, zeroings } from './damage.js';
import { htmlRecipes } from './html.js';
import { imageBombs } from './images.js';
import {
  duplicates,
  empties,
  garbage,
  intact,
  renamedWorkbooks,
  tinies,
  unstorablePdf,
  wrongExtensions,
} from './misc.js';
import { docxGridRecipes, unstorableOoxml } from './docx-grids.js';
import { traversalRecipes, xmlEntityRecipes } from './ooxml.js';
import { zipBombs, zipEntryDamage } from './packages.js';
import { pdfRecipes } from './pdfs.js';
import { KINDS, type Kind, type Recipe, rngFor } from './recipe.js';

export const DEFAULT_SEED = 20_160_416;

/** Every recipe of the corpus, in a stable order (cheap: nothing is built here). */
export function allRecipes(): Recipe[] {
  const bases = loadBases();
  const packages = bases.filter((b) => b.ext === '.docx' || b.ext === '.xlsx');
  return [
    ...intact(bases),
    ...bases.flatMap((b) => [...truncations(b), ...flips(b), ...zeroings(b), ...shuffles(b), ...splices(b)]),
    ...wrongExtensions(bases),
    ...empties(),
    ...tinies(),
    ...garbage(),
    ...packages.flatMap(zipEntryDamage),
    ...zipBombs(),
    ...xmlEntityRecipes(),
    ...traversalRecipes(),
    ...imageBombs(),
    ...pdfRecipes(),
    ...htmlRecipes(),
    ...docxGridRecipes(),
    ...unstorableOoxml(),
    ...unstorablePdf(),
    ...duplicates(),
    ...renamedWorkbooks(),
  ];
}

/**
 * Samples whose intact reading already needs OCR (scans, the screenshot, the DOCX holding one): their damaged
 * copies can take the whole per-document time limit each, so the fast slice takes none of them; the full corpus does.
 */
export const OCR_BASES = /shashi-health|unmapped-glyphs|seed001-gongkai06|yangling-2019-final\.docx/;

/** Files the fast slice always holds: the attacks issue 16 names, one each. */
const NAMED = [
  'zip-bomb/docx-lying.docx',
  'zip-bomb/xlsx-lying-media.xlsx',
  'zip-bomb/docx-honest.docx',
  'xml-entities/docx-billion-laughs.docx',
  'xml-entities/docx-xxe-passwd.docx',
  'xml-entities/docx-utf16-xxe.docx',
  'xml-entities/xlsx-xxe-after-comment.xlsx',
  'xml-entities/html-xxe.html',
  'rels-traversal/docx-dotdot.docx',
  'rels-traversal/docx-zip-slip.docx',
  'image-bomb/png-claims-100000.png',
  'image-bomb/docx-png-claims-100000.docx',
  'pdf-tree/cycle-two.pdf',
  'pdf-tree/count-huge.pdf',
  'pdf-size/mediabox-1e7-image.pdf',
  'pdf-size/page-5000-image.pdf',
  'pdf-size/image-60000-zeros.pdf',
  'pdf-encrypted/aes-256.pdf',
  'pdf-encrypted/rc4-40.pdf',
  'html-big/body-50mb-one-paragraph.html',
  'html-big/table-200000-rows.html',
  'html-big/table-1000x100000-colspan.html',
  'docx-grid/gridspan-1e8-30000-rows.docx',
  'docx-grid/tblgrid-100000-cols.docx',
  'docx-grid/rows-100000.docx',
  'text-unstorable/html-nul-bytes.html',
  'text-unstorable/xlsx-x0000.xlsx',
  'duplicate/html-hongjiang-2023-gov-office-dept-target-first.html',
  'duplicate/html-hongjiang-2023-gov-office-dept-target-second.html',
  'renamed-workbook/xls-as.et',
  // pdf.js leaves a read-ahead rejection unhandled on this one (src/extract/pdf/stray-rejections.ts).
  'zero/pdf-funing-2020-project-targets-tenth.pdf',
];

/** How many more files of each kind the fast slice takes, spread evenly over the kind's recipes. */
const SPREAD: Partial<Record<Kind, number>> = {
  intact: 2,
  truncate: 5,
  flip: 4,
  zero: 3,
  shuffle: 3,
  splice: 2,
  'wrong-ext': 3,
  empty: 2,
  tiny: 2,
  garbage: 2,
  'zip-entry': 3,
  'zip-bomb': 0,
  'image-bomb': 1,
  'pdf-tree': 1,
  'pdf-size': 0,
  'docx-grid': 1,
  'text-unstorable': 1,
};

/** The deterministic fast slice (about 60 files, every kind) that `npm test` ingests. */
export function fastSlice(recipes: Recipe[]): Recipe[] {
  const chosen = new Set(NAMED);
  for (const kind of KINDS) {
    const pool = recipes.filter((r) => r.kind === kind && !OCR_BASES.test(r.base) && !chosen.has(r.path));
    const want = Math.min(SPREAD[kind] ?? 1, pool.length);
    for (let i = 0; i < want; i++) chosen.add(pool[Math.floor(((i + 0.5) * pool.length) / want)]!.path);
  }
  const missing = NAMED.filter((p) => !recipes.some((r) => r.path === p));
  if (missing.length) throw new Error(`fast slice names recipes that do not exist: ${missing.join(', ')}`);
  return recipes.filter((r) => chosen.has(r.path));
}

/** In the CI run, one damaged copy of an OCR-read sample in this many keeps OCR; the rest are read without it. */
export const OCR_SAMPLE_EVERY = 8;

/**
 * The whole corpus as CI reads it (issue 16): every file, in two ingests of one store. The damaged copies of the
 * samples whose reading needs OCR are a quarter of the files and, read by OCR, most of the time of a full run (each
 * a page or more of tesseract); all but every OCR_SAMPLE_EVERY-th of them, spread evenly over each kind, are read
 * with `--no-ocr`, which takes them through the same parsers, sniffing, bounds and store. Intact copies keep OCR.
 * BUDGETDOC_HOSTILE=full reads every file with OCR.
 */
export function ciSplit(recipes: Recipe[]): { withOcr: Recipe[]; withoutOcr: Recipe[] } {
  const withoutOcr = new Set<Recipe>();
  for (const kind of KINDS) {
    if (kind === 'intact') continue;
    const ocr = recipes.filter((r) => r.kind === kind && OCR_BASES.test(r.base));
    ocr.forEach((r, i) => {
      if (i % OCR_SAMPLE_EVERY !== OCR_SAMPLE_EVERY - 1) withoutOcr.add(r);
    });
  }
  return { withOcr: recipes.filter((r) => !withoutOcr.has(r)), withoutOcr: [...withoutOcr] };
}

export interface ManifestEntry {
  path: string;
  kind: Kind;
  base: string;
  note: string;
  bytes: number;
}

/** Where the manifest goes: a dot file, which `budgetdoc ingest` skips when it walks the folder. */
export const MANIFEST = '.manifest.json';

/** Builds the given recipes into `outDir` and writes the manifest beside them. */
export async function buildCorpus(
  outDir: string,
  recipes: Recipe[],
  opts: { seed?: number; onFile?: (path: string, done: number, total: number) => void } = {},
): Promise<ManifestEntry[]> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const manifest: ManifestEntry[] = [];
  const seen = new Set<string>();
  for (const r of recipes) {
    if (seen.has(r.path)) throw new Error(`two recipes write ${r.path}`);
    seen.add(r.path);
    const bytes = await r.make(rngFor(seed, r.path));
    const file = join(outDir, r.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    manifest.push({ path: r.path, kind: r.kind, base: r.base, note: r.note, bytes: bytes.length });
    opts.onFile?.(r.path, manifest.length, recipes.length);
  }
  await writeFile(join(outDir, MANIFEST), `${JSON.stringify({ seed, files: manifest }, null, 1)}\n`);
  return manifest;
}
