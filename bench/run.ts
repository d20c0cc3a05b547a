/**
 * `npm run bench`: the PDF extract step over every samples/pdf/**\/*.pdf and the corpus PDFs the tests read
 * (bench/sample-index.ts, read where the corpus lies: $BUDGETDOC_CORPUS) (issue 3), side by side
 * with the floor, bare pdf.js text extraction (getTextContent) of the same pages, in one run.
 * Each phase runs in its own child process so its peak RSS is its own. Text-layer PDFs are
 * extracted with OCR off (they need none); scanned samples (samples/pdf/scan/, and the scan derived from a corpus
 * page, built into a temporary folder first) are timed separately as seconds per OCR page. Compares with
 * bench/baseline.json when present; `--save-baseline` writes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDerived, CORPUS_SAMPLES, DERIVED_SAMPLES } from './sample-index.js';
import { corpusDir, corpusFile } from '../test/helpers/corpus.js';

const ROOT = 'samples/pdf';
const BASELINE = 'bench/baseline.json';

interface PhaseResult {
  phase: string;
  files: number;
  pages: number;
  seconds: number;
  peakRssMb: number;
  ocrPages?: number;
  ocrSeconds?: number;
}

function pdfs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? pdfs(join(dir, e.name)) : e.name.endsWith('.pdf') ? [join(dir, e.name)] : []))
    .sort();
}

const isScan = (f: string) => relative(ROOT, f).startsWith('scan/');
const DERIVED_ENV = 'BUDGETDOC_BENCH_DERIVED';
const derivedPdfs = DERIVED_SAMPLES.filter((d) => d.name.endsWith('.pdf'));

/** Text-layer PDFs (own and corpus) and scans (own and derived, from the folder main built them in). */
function files(derivedDir = process.env[DERIVED_ENV]): { text: string[]; scans: string[] } {
  const own = pdfs(ROOT);
  const corpus = CORPUS_SAMPLES.filter((n) => n.endsWith('.pdf'))
    .map(corpusFile)
    .filter((f) => existsSync(f));
  const derived = derivedDir ? derivedPdfs.map((d) => join(derivedDir, d.name)).filter((f) => existsSync(f)) : [];
  return { text: [...own.filter((f) => !isScan(f)), ...corpus], scans: [...own.filter(isScan), ...derived] };
}

async function floor(files: string[]): Promise<Omit<PhaseResult, 'peakRssMb'>> {
  const { openPdf } = await import('../src/extract/pdf/load.js');
  let pages = 0;
  const t0 = performance.now();
  for (const f of files) {
    const doc = await openPdf(new Uint8Array(readFileSync(f)));
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
      pages++;
    }
    await doc.destroy();
  }
  return {
    phase: 'pdf.js getTextContent (floor)',
    files: files.length,
    pages,
    seconds: (performance.now() - t0) / 1000,
  };
}

async function full(files: string[], ocr: boolean): Promise<Omit<PhaseResult, 'peakRssMb'>> {
  const { extractPdf } = await import('../src/extract/pdf/index.js');
  const { defaultLimits } = await import('../src/extract/types.js');
  let pages = 0,
    ocrPages = 0,
    ocrSeconds = 0;
  const t0 = performance.now();
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const source = {
      id: 'bench',
      url: `file:${f}`,
      fetchedAt: new Date().toISOString(),
      mediaType: 'application/pdf',
      size: bytes.length,
    };
    await extractPdf(
      bytes,
      { source, limits: { ...defaultLimits, ocr } },
      {
        onPage: (_n, s) => {
          pages++;
          if (s !== undefined) {
            ocrPages++;
            ocrSeconds += s;
          }
        },
      },
    );
  }
  if (ocr) await (await import('../src/extract/ocr/index.js')).shutdownOcr().catch(() => undefined);
  const out = {
    phase: ocr ? 'extract with OCR (scans)' : 'extract (text layer)',
    files: files.length,
    pages,
    seconds: (performance.now() - t0) / 1000,
  };
  return ocr ? { ...out, ocrPages, ocrSeconds } : out;
}

async function child(phase: string): Promise<void> {
  const { text, scans } = files();
  const res =
    phase === 'floor' ? await floor(text) : phase === 'full' ? await full(text, false) : await full(scans, true);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...res, peakRssMb })}\n`);
}

function runPhase(phase: string, derivedDir: string): PhaseResult {
  const env = { ...process.env, [DERIVED_ENV]: derivedDir };
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--phase', phase], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

async function main(): Promise<void> {
  const missing = CORPUS_SAMPLES.filter((n) => n.endsWith('.pdf') && !existsSync(corpusFile(n)));
  if (missing.length)
    console.log(`corpus PDFs not found in ${corpusDir()} (set BUDGETDOC_CORPUS), left out: ${missing.join(', ')}`);
  const derivedDir = mkdtempSync(join(tmpdir(), 'budgetdoc-derived-'));
  try {
    for (const d of derivedPdfs) {
      await buildDerived(d.name, derivedDir).catch((err: Error) =>
        console.log(`${d.name} not built, left out: ${err.message}`),
      );
    }
    report(derivedDir);
  } finally {
    rmSync(derivedDir, { recursive: true, force: true });
  }
}

function report(derivedDir: string): void {
  const scans = files(derivedDir).scans.length;
  const results = [
    runPhase('floor', derivedDir),
    runPhase('full', derivedDir),
    ...(scans ? [runPhase('ocr', derivedDir)] : []),
  ];
  const baseline: Record<string, PhaseResult> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `${'phase'.padEnd(32)}${pad('files', 6)}${pad('pages', 7)}${pad('s', 8)}${pad('pages/s', 9)}${pad('peak RSS MB', 13)}${pad('vs baseline', 13)}`,
  );
  for (const r of results) {
    const base = baseline[r.phase];
    const vs = base ? `${((r.seconds / base.seconds) * 100).toFixed(0)}% time` : '-';
    console.log(
      `${r.phase.padEnd(32)}${pad(r.files, 6)}${pad(r.pages, 7)}${pad(r.seconds.toFixed(2), 8)}${pad((r.pages / r.seconds).toFixed(1), 9)}${pad(r.peakRssMb, 13)}${pad(vs, 13)}`,
    );
  }
  const [fl, fu, oc] = results;
  console.log(
    `\nextract / floor time on the same ${fu!.pages} pages: ${(fu!.seconds / fl!.seconds).toFixed(2)}x (target <= 3x)`,
  );
  if (oc?.ocrPages)
    console.log(`OCR: ${oc.ocrPages} pages, ${(oc.ocrSeconds! / oc.ocrPages).toFixed(1)} s/page (render + tesseract)`);
  else console.log('OCR: no scanned samples (samples/pdf/scan/, or derived from the corpus)');
  if (process.argv.includes('--save-baseline')) {
    writeFileSync(BASELINE, `${JSON.stringify(Object.fromEntries(results.map((r) => [r.phase, r])), null, 2)}\n`);
    console.log(`baseline written to ${BASELINE}`);
  }
}

const at = process.argv.indexOf('--phase');
if (at >= 0) await child(process.argv[at + 1]!);
else await main();
