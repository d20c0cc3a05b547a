import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { median, timeProcess } from './process-timing.js';

export interface OcrComparison {
  images: number;
  budgetdocSecondsPerPage: number;
  nativeSecondsPerPage: number;
  budgetdocPeakRssMb: number;
  runs: number;
}

/**
 * The page images both engines read: the project's picture of a table (samples/images) and every page of the scanned
 * samples (samples/pdf/scan) rendered at 300 dpi in grey by poppler's pdftoppm, as a scanner would deliver them.
 */
function pageImages(dir: string): string[] {
  const out = readdirSync('samples/images')
    .filter((f) => f.endsWith('.png'))
    .map((f) => join('samples/images', f));
  for (const pdf of readdirSync('samples/pdf/scan').filter((f) => f.endsWith('.pdf'))) {
    const prefix = join(dir, pdf.replace(/\.pdf$/, ''));
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', join('samples/pdf/scan', pdf), prefix]);
  }
  out.push(
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .map((f) => join(dir, f)),
  );
  return out.sort();
}

/** The same traineddata the project's OCR loads (@tesseract.js-data/chi_sim), unpacked for native tesseract. */
function tessdata(dir: string): string {
  const data = createRequire(import.meta.url)('@tesseract.js-data/chi_sim') as { langPath: string };
  const out = join(dir, 'tessdata');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'chi_sim.traineddata'),
    gunzipSync(readFileSync(join(data.langPath, 'chi_sim.traineddata.gz'))),
  );
  return out;
}

/**
 * OCR seconds per page, whole processes on the same images (issue 12): `budgetdoc extract --raw` over all of them in
 * one invocation against Debian's tesseract, one process per image as it is used, on one thread
 * (OMP_THREAD_LIMIT=1), with the same traineddata, LSTM engine and a block layout (--psm 6).
 */
export function compareOcr(workDir: string, runs: number): OcrComparison {
  const images = pageImages(workDir);
  const data = tessdata(workDir);
  const ours: number[] = [];
  const native: number[] = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const b = timeProcess(process.execPath, ['bin/budgetdoc.js', 'extract', '--raw', '--concurrency', '1', ...images], {
      ...process.env,
      LOG_LEVEL: 'warn',
    });
    ours.push(b.seconds / images.length);
    rss = Math.max(rss, b.peakRssMb);
    let total = 0;
    for (const img of images) {
      total += timeProcess(
        'tesseract',
        [img, 'stdout', '-l', 'chi_sim', '--oem', '1', '--psm', '6', '--tessdata-dir', data],
        { ...process.env, OMP_THREAD_LIMIT: '1' },
      ).seconds;
    }
    native.push(total / images.length);
  }
  return {
    images: images.length,
    budgetdocSecondsPerPage: median(ours),
    nativeSecondsPerPage: median(native),
    budgetdocPeakRssMb: rss,
    runs,
  };
}
