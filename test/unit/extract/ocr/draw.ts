import type { GreyImage } from '../../../../src/extract/ocr/image.js';

/** A white grey image to draw rectangles on: tiny table pictures built in code. */
export function blank(width: number, height: number): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

export function fill(img: GreyImage, x0: number, y0: number, x1: number, y1: number, v = 0): void {
  for (let y = y0; y < y1; y++) img.data.fill(v, y * img.width + x0, y * img.width + x1);
}

/**
 * A ruled grid: rows × cols slots of w × h px, 2 px rules, from (x, y). `skip` lists rules
 * left out to make spanning cells: 'v:r:c' (vertical rule left of slot r,c), 'h:r:c' (above).
 */
export function grid(
  img: GreyImage,
  x: number,
  y: number,
  rows: number,
  cols: number,
  w: number,
  h: number,
  skip: string[] = [],
): void {
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c < cols; c++)
      if (!skip.includes(`h:${r}:${c}`)) fill(img, x + c * w, y + r * h, x + (c + 1) * w + 2, y + r * h + 2);
  }
  for (let c = 0; c <= cols; c++) {
    for (let r = 0; r < rows; r++)
      if (!skip.includes(`v:${r}:${c}`)) fill(img, x + c * w, y + r * h, x + c * w + 2, y + (r + 1) * h + 2);
  }
}
