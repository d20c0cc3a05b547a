import { describe, expect, it } from 'vitest';
import { estimateSkew, deskew } from '../../../../src/extract/ocr/deskew.js';
import { rotate } from '../../../../src/extract/ocr/image.js';
import { blank, grid } from './draw.js';

describe('deskew', () => {
  const page = () => {
    const img = blank(1200, 900);
    grid(img, 100, 100, 12, 4, 240, 50);
    return img;
  };

  it('reads an upright table as 0°', () => {
    expect(Math.abs(estimateSkew(page()))).toBeLessThan(0.05);
  });

  it('measures a scanner turn of 0.4° and undoes it', () => {
    const turned = rotate(page(), 0.4);
    expect(estimateSkew(turned)).toBeCloseTo(0.4, 1);
    const { image, angle } = deskew(turned);
    expect(angle).toBeCloseTo(-0.4, 1);
    expect(Math.abs(estimateSkew(image))).toBeLessThanOrEqual(0.05);
  });
});
