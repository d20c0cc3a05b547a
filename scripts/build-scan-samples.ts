/**
 * Builds the OCR samples (issues 3 and 4):
 *  - putuo-finance-2024-gpb-functional-scan.pdf: page 15 (一般公共预算财政拨款支出决算表) of the 普陀区财政局 2024 决算
 *    (corpus), rendered at 200 dpi by pdftoppm, degraded like a scanner (turned 0.35°, blurred, grey noise, darker
 *    paper, JPEG) and wrapped alone in a PDF without text. Rendered from a real document, it is never committed: the
 *    tests build it into a temporary folder (test/helpers/derived.ts) with `buildScanSample`.
 *  - samples/images/seed001-gongkai06-basic-economic.png: 公开06表 of seed 001 drawn as a screenshot
 *    (96 dpi, WenQuanYi Zen Hei, 1 px rulings), the picture the DOCX engineer embeds in a DOCX; committed.
 * Deterministic: a seeded noise generator and fixed PDF dates. Needs pdftoppm (poppler-utils) and the wqy font
 * (fonts-wqy-zenhei), both installed by scripts/install-system-deps.sh.
 *   npx tsx scripts/build-scan-samples.ts [--out DIR]   (both; the scan into DIR, default a new folder under the
 *   system temp dir; corpus: $BUDGETDOC_CORPUS)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { seed001 } from './pdf-sample-seed001.js';
import { rng } from './hard-samples/scan.js';
import { corpusDir } from '../test/helpers/corpus.js';

export const SCAN_SAMPLE = 'putuo-finance-2024-gpb-functional-scan.pdf';
export const SCAN_SOURCE = 'shanghai-putuo-finance-bureau-2024-final.pdf';
const SCAN_PAGE = 15;
const SCAN_DPI = 200;
const FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const OUT_PNG = 'samples/images/seed001-gongkai06-basic-economic.png';

/** Writes the scan of SCAN_SOURCE p. 15 (from the corpus folder `corpus`) into outDir; returns its path. */
export async function buildScanSample(corpus: string, outDir: string): Promise<string> {
  const pdf = join(corpus, SCAN_SOURCE);
  if (!existsSync(pdf)) throw new Error(`${pdf} not found (set BUDGETDOC_CORPUS)`);
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  const out = join(outDir, SCAN_SAMPLE);
  try {
    execFileSync(
      'pdftoppm',
      [
        '-f',
        String(SCAN_PAGE),
        '-l',
        String(SCAN_PAGE),
        '-r',
        String(SCAN_DPI),
        '-gray',
        '-png',
        '-singlefile',
        pdf,
        join(dir, 'page'),
      ],
      { stdio: 'ignore' },
    );
    const page = await loadImage(readFileSync(join(dir, 'page.png')));
    const { width, height } = page;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    // A page fed slightly askew, and the softness of a scanner's optics.
    ctx.translate(width / 2, height / 2);
    ctx.rotate((0.35 * Math.PI) / 180);
    ctx.filter = 'blur(0.6px)';
    ctx.drawImage(page, -width / 2, -height / 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.filter = 'none';
    const img = ctx.getImageData(0, 0, width, height);
    const rand = rng(20240615);
    for (let i = 0; i < img.data.length; i += 4) {
      // Paper a little grey, ink not quite black, sensor noise, and rare dust specks.
      let v = 18 + (img.data[i]! * 222) / 255 + (rand() + rand() + rand() - 1.5) * 18;
      if (rand() < 0.0004) v = 40 + rand() * 80;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = Math.max(0, Math.min(255, Math.round(v)));
    }
    ctx.putImageData(img, 0, 0);
    const jpeg = await canvas.encode('jpeg', 82);
    mkdirSync(outDir, { recursive: true });
    await writePdf(jpeg, out);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writePdf(jpeg: Buffer, out: string): Promise<void> {
  const fixed = new Date('2025-06-30T00:00:00Z');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: {
      CreationDate: fixed,
      ModDate: fixed,
      Producer: 'budgetdoc build-scan-samples',
      Creator: 'scanner simulation',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.image(jpeg, 0, 0, { width: doc.page.width, height: doc.page.height });
  doc.end();
  return done.then(() => writeFileSync(out, Buffer.concat(chunks)));
}

/** 公开06表 of seed 001 as the PDF samples transcribe it (scripts/pdf-sample-seed001.ts), codes trimmed. */
const cellText = (c: (typeof seed001.body)[number][number]): string => {
  const t = typeof c === 'string' ? c : (c?.text ?? '');
  return (Array.isArray(t) ? t.join('') : t).trim();
};
const SEED001_T06: string[][] = seed001.body.map((row) => row.map(cellText));

export async function buildPicture(): Promise<void> {
  GlobalFonts.registerFromPath(FONT, 'WQY');
  const cols = [124, 180, 104, 96, 96, 64];
  const rowH = 26;
  const left = 20;
  const top = 92;
  const width = left * 2 + cols.reduce((s, w) => s + w, 0);
  const header = 2;
  const height = top + rowH * (header + SEED001_T06.length) + 40;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  ctx.font = 'bold 18px WQY';
  ctx.textAlign = 'center';
  ctx.fillText(seed001.title, width / 2, 26);
  ctx.font = '13px WQY';
  ctx.textAlign = 'right';
  ctx.fillText(seed001.label, width - left, 52);
  ctx.textAlign = 'left';
  ctx.fillText(seed001.dept, left, 74);
  ctx.textAlign = 'right';
  ctx.fillText(seed001.unit, width - left, 74);
  const xs = cols.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [left]);
  const rowsY = Array.from({ length: header + SEED001_T06.length + 1 }, (_, i) => top + i * rowH);
  const x = (i: number) => xs[i]!;
  const y = (i: number) => rowsY[i]!;
  // Rulings: 项目 spans code and name in the first header row; the amount headers span both rows.
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    ctx.beginPath();
    ctx.moveTo(Math.round(x0) + 0.5, Math.round(y0) + 0.5);
    ctx.lineTo(Math.round(x1) + 0.5, Math.round(y1) + 0.5);
    ctx.stroke();
  };
  for (let r = 0; r < rowsY.length; r++) line(x(0), y(r), x(cols.length), y(r));
  for (let c = 0; c < xs.length; c++) line(x(c), y(0), x(c), y(rowsY.length - 1));
  ctx.fillStyle = '#fff';
  ctx.fillRect(x(1) - 1, y(0) + 1, 2, rowH - 1);
  for (let c = 2; c < cols.length; c++) ctx.fillRect(x(c) + 1, y(1) - 1, cols[c]! - 1, 2);
  ctx.fillStyle = '#000';
  ctx.font = '14px WQY';
  ctx.textAlign = 'center';
  const mid = (r: number) => y(r) + rowH / 2;
  ctx.fillText('项    目', (x(0) + x(2)) / 2, mid(0));
  ctx.fillText('经济分类科目编码', (x(0) + x(1)) / 2, mid(1));
  ctx.fillText('科目名称', (x(1) + x(2)) / 2, mid(1));
  ['本年支出合计', '人员经费', '公用经费', '备注'].forEach((h, i) => ctx.fillText(h, (x(i + 2) + x(i + 3)) / 2, y(1)));
  SEED001_T06.forEach((row, i) => {
    const r = header + i;
    ctx.textAlign = 'left';
    ctx.fillText(row[0]!, x(0) + 6, mid(r));
    ctx.fillText(row[1]!, x(1) + 6, mid(r));
    ctx.textAlign = 'right';
    for (let c = 2; c < 5; c++) ctx.fillText(row[c]!, x(c + 1) - 6, mid(r));
  });
  ctx.font = '12px WQY';
  ctx.textAlign = 'left';
  ctx.fillText('注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。', left, y(rowsY.length - 1) + 22);
  mkdirSync('samples/images', { recursive: true });
  writeFileSync(OUT_PNG, await canvas.encode('png'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = at >= 0 ? process.argv[at + 1]! : mkdtempSync(join(tmpdir(), 'budgetdoc-derived-'));
  const scan = await buildScanSample(corpusDir(), outDir);
  await buildPicture();
  console.log(`wrote ${scan} and ${OUT_PNG}`);
}
