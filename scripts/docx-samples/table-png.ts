import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { Layout } from './table-layout.js';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Table pictures need a CJK font from Debian (fonts-noto-cjk); tests that draw them skip without it (CI: fail). */
export const canRenderCjk = (): boolean => existsSync(FONT);

/** A screenshot-like PNG of a laid-out table (black rules, CJK text), `scale` pixels per point. */
export function renderTablePng(layout: Layout, scale: number): Buffer {
  return drawTable(layout, scale).toBuffer('image/png');
}

/** The same picture as raw RGBA pixels (for a bitmap-only EMF). */
export function renderTableRgba(
  layout: Layout,
  scale: number,
): { rgba: Uint8ClampedArray; width: number; height: number } {
  const canvas = drawTable(layout, scale);
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  return { rgba: new Uint8ClampedArray(data), width: canvas.width, height: canvas.height };
}

function drawTable(layout: Layout, scale: number) {
  if (!GlobalFonts.registerFromPath(FONT, 'SampleCJK'))
    throw new Error(`font missing: ${FONT} (apt-get install fonts-noto-cjk)`);
  const margin = 6;
  const canvas = createCanvas(
    Math.ceil((layout.width + 2 * margin) * scale),
    Math.ceil((layout.height + 2 * margin) * scale),
  );
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.translate(margin, margin);
  g.strokeStyle = '#000000';
  g.lineWidth = 0.75;
  for (const c of layout.cells) g.strokeRect(c.x0, c.y0, c.x1 - c.x0, c.y1 - c.y0);
  g.fillStyle = '#000000';
  g.font = `${layout.fontSize}px SampleCJK`;
  for (const c of layout.cells) for (const l of c.lines) g.fillText(l.text, l.x, l.y);
  return canvas;
}
