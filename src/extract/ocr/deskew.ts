import { otsu, rotate, type GreyImage } from './image.js';

/**
 * Skew of a scanned page in degrees (positive: lines fall to the right), found by projection
 * profiles: ruling lines and text rows give the sharpest horizontal profile at the true angle.
 * Scanners rotate pages by fractions of a degree; even 0.3° shifts a ruling 10 px across an
 * A4 page at 300 dpi, enough to break ruling detection and the row grid.
 */
export function estimateSkew(img: GreyImage, maxDegrees = 3): number {
  const step = Math.max(1, Math.round(Math.max(img.width, img.height) / 1200));
  const t = otsu(img);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < img.height; y += step) {
    for (let x = 0; x < img.width; x += step) {
      if (img.data[y * img.width + x]! <= t) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const score = (deg: number): number => {
    const tan = Math.tan((deg * Math.PI) / 180);
    const bins = new Map<number, number>();
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round((ys[i]! - xs[i]! * tan) / step);
      bins.set(b, (bins.get(b) ?? 0) + 1);
    }
    let s = 0;
    for (const c of bins.values()) s += c * c;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (const [lo, hi, inc] of [
    [-maxDegrees, maxDegrees, 0.1],
    [-0.1, 0.1, 0.02],
  ] as const) {
    const centre = lo === -maxDegrees ? 0 : best;
    for (let d = centre + lo; d <= centre + hi + 1e-9; d += inc) {
      const s = score(d);
      if (s > bestScore) {
        bestScore = s;
        best = d;
      }
    }
  }
  return Math.round(best * 100) / 100;
}

/** The image turned upright, and the angle it was turned by. */
export function deskew(img: GreyImage): { image: GreyImage; angle: number } {
  const skew = estimateSkew(img);
  if (Math.abs(skew) < 0.05) return { image: img, angle: 0 };
  return { image: rotate(img, -skew), angle: -skew };
}
