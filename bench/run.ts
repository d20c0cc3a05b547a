/**
 * `npm run bench`: the PDF extract step over every samples/pdf/**\/*.pdf (issue 3), side by side
 * with the floor, bare pdf.js text extraction (getTextContent) of the same pages, in one run.
 * Each phase runs in its own child process so its peak RSS is its own. Text-layer PDFs are
 * extracted with OCR off (they need none); scanned samples (samples/pdf/scan/) are timed
 * separately as seconds per OCR page. Compares with bench/baseline.json when present;
 * `--save-baseline` writes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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
  return { phase: 'pdf.js getTextContent (floor)', files: files.length, pages, seconds: (performance.now() - t0) / 1000 };
}

async function full(files: string[], ocr: boolean): Promise<Omit<PhaseResult, 'peakRssMb'>> {
  const { extractPdf } = await import('../src/extract/pdf/index.js');
  const { defaultLimits } = await import('../src/extract/types.js');
  let pages = 0, ocrPages = 0, ocrSeconds = 0;
  const t0 = performance.now();
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const source = { id: 'bench', url: `file:${f}`, fetchedAt: new Date().toISOString(), mediaType: 'application/pdf', size: bytes.length };
    await extractPdf(bytes, { source, limits: { ...defaultLimits, ocr } }, {
      onPage: (_n, s) => {
        pages++;
        if (s !== undefined) {
          ocrPages++;
          ocrSeconds += s;
        }
      },
    });
  }
  if (ocr) await (await import('../src/extract/ocr/index.js')).shutdownOcr().catch(() => undefined);
  const out = { phase: ocr ? 'extract with OCR (scans)' : 'extract (text layer)', files: files.length, pages, seconds: (performance.now() - t0) / 1000 };
  return ocr ? { ...out, ocrPages, ocrSeconds } : out;
}

async function child(phase: string): Promise<void> {
  const all = pdfs(ROOT);
  const text = all.filter((f) => !isScan(f));
  const res = phase === 'floor' ? await floor(text) : phase === 'full' ? await full(text, false) : await full(all.filter(isScan), true);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ ...res, peakRssMb }) + '\n');
}

function runPhase(phase: string): PhaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--phase', phase], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

function main(): void {
  const scans = pdfs(ROOT).filter(isScan).length;
  const results = [runPhase('floor'), runPhase('full'), ...(scans ? [runPhase('ocr')] : [])];
  const baseline: Record<string, PhaseResult> = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : {};
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${'phase'.padEnd(32)}${pad('files', 6)}${pad('pages', 7)}${pad('s', 8)}${pad('pages/s', 9)}${pad('peak RSS MB', 13)}${pad('vs baseline', 13)}`);
  for (const r of results) {
    const base = baseline[r.phase];
    const vs = base ? `${((r.seconds / base.seconds) * 100).toFixed(0)}% time` : '-';
    console.log(`${r.phase.padEnd(32)}${pad(r.files, 6)}${pad(r.pages, 7)}${pad(r.seconds.toFixed(2), 8)}${pad((r.pages / r.seconds).toFixed(1), 9)}${pad(r.peakRssMb, 13)}${pad(vs, 13)}`);
  }
  const [fl, fu, oc] = results;
  console.log(`\nextract / floor time on the same ${fu!.pages} pages: ${(fu!.seconds / fl!.seconds).toFixed(2)}x (target <= 3x)`);
  if (oc?.ocrPages) console.log(`OCR: ${oc.ocrPages} pages, ${(oc.ocrSeconds! / oc.ocrPages).toFixed(1)} s/page (render + tesseract)`);
  else console.log('OCR: no scanned samples in samples/pdf/scan/');
  if (process.argv.includes('--save-baseline')) {
    writeFileSync(BASELINE, JSON.stringify(Object.fromEntries(results.map((r) => [r.phase, r])), null, 2) + '\n');
    console.log(`baseline written to ${BASELINE}`);
  }
}

const at = process.argv.indexOf('--phase');
if (at >= 0) await child(process.argv[at + 1]!);
else main();
