import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { BrowserContext } from 'playwright-core';
import { systemPackage } from '../helpers/services.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Debian's chromium (scripts/install-system-deps.sh); under CI=true its absence fails the browser tests. */
export const chromiumPresent = () =>
  systemPackage(existsSync(CHROMIUM), 'browser tests of budgetdoc serve', 'chromium');

/** Samples in the repository, so the browser tests need no corpus. */
export const SAMPLES = {
  jiangsu: 'samples/pdf/built/jiangsu-2024-jiangsu-style-budget-tables.pdf',
  yangpu: 'samples/pdf/built/yangpu-archives-2025-whole-yuan-budget.pdf',
  xlsx: 'samples/xlsx/yangling-2019-selfeval.xlsx',
  /** A PDF whose glyphs have no Unicode: read by OCR, so its cells carry OCR confidence. */
  ocr: 'samples/pdf/scan/yangling-2019-gongkai06-unmapped-glyphs.pdf',
};

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** `budgetdoc serve --port 0` on a store, through the binary; resolves with the URL it prints. */
export function startServe(dataDir: string): Promise<Served> {
  const child: ChildProcess = spawn('node', ['bin/budgetdoc.js', 'serve', '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 60 s: ${out}${err}`)), 60_000);
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}${err}`));
    });
  });
}

/** Headless Chromium with a fresh profile (DEVELOPERS.md flags). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'budgetdoc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    deviceScaleFactor: 1,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

/** The RGB pixels of a PNG (a screenshot). */
export async function pixels(png: Buffer): Promise<Pixels> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return {
    width: img.width,
    height: img.height,
    at: (x, y) => {
      const i = (Math.round(y) * img.width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** The highlight colour of the viewer (src/serve/static/app.css --hl: #ff00aa), drawn opaque as the box's border. */
export const isHighlight = ([r, g, b]: [number, number, number]) => r > 220 && g < 50 && b > 130 && b < 210;
export const isInk = ([r, g, b]: [number, number, number]) => (r * 299 + g * 587 + b * 114) / 1000 < 110;

/** Bounding rectangle of the pixels that satisfy `test`; undefined when there are none. */
export function boundsOf(p: Pixels, test: (rgb: [number, number, number]) => boolean) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++)
      if (test(p.at(x, y))) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  return x1 < 0 ? undefined : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}
