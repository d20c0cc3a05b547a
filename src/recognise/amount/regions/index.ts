import { jiangsu } from './jiangsu.js';
import { shaanxi } from './shaanxi.js';
import { shanghai } from './shanghai.js';
import type { RegionDef } from './types.js';

/** Every region's variants; adding a region is one file here and its fixture in test/unit/recognise/amount/regions/. */
export const REGIONS: readonly RegionDef[] = [shaanxi, shanghai, jiangsu];

export type { RegionDef };
