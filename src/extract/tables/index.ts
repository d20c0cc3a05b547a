import { fillFrame } from './fill.js';
import { latticeFrames } from './lattice.js';
import { streamTables } from './stream.js';
import type { PositionedText, ReconstructOptions, Ruling, TableGrid } from './types.js';

export type { GridCell, PositionedText, ReconstructOptions, Ruling, TableGrid } from './types.js';
export { cellText, groupLines, joinInLine, joinLines, type TextLine } from './text-join.js';
export { attachCaptions, textLines, type Attached } from './captions.js';
export { captionFrom, gridToTable, type TableOrigin } from './to-table.js';
export { joinAcrossPages, type PlacedTable } from './merge-pages.js';

export interface Reconstruction {
  tables: TableGrid[];
  /** Runs outside every table, in reading order: titles, 单位 lines, notes, narrative. */
  outside: PositionedText[];
}

/** A single ruled box or a frame with no text is decoration (page border, text box), not a table. */
const isTable = (g: TableGrid): boolean => g.nRows * g.nCols > 1 && g.cells.some((c) => c.text.trim() !== '');

/**
 * Format-neutral table reconstruction for one page (issue 3): the PDF text layer, EMF text
 * records and OCR words all come here as positioned text in top-left points. Pure.
 */
export function reconstructTables(
  items: PositionedText[],
  rulings: Ruling[],
  opts: ReconstructOptions = {},
): Reconstruction {
  const snap = opts.snap ?? 2;
  let rest = items;
  const tables: TableGrid[] = [];
  for (const frame of latticeFrames(rulings, snap)) {
    const { grid, outside } = fillFrame(frame, rest);
    if (!isTable(grid)) continue;
    tables.push(grid);
    rest = outside;
  }
  if (opts.stream !== false) {
    const found = streamTables(rest);
    tables.push(...found.tables);
    rest = found.outside;
  }
  tables.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  return { tables, outside: rest };
}
