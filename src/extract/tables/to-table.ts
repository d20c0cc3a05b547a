import type { Cell, ExtractMethod, Provenance, Table } from '../../model/document.js';
import { roundBox } from '../../model/bbox.js';
import type { TableGrid } from './types.js';

export interface TableOrigin {
  id: string;
  sourceId: string;
  page: number;
  extractor: string;
  method: ExtractMethod;
  part?: string;
}

const mean = (xs: number[]): number | undefined => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined);

/**
 * A reconstructed grid as a model Table: each cell's provenance is its box on its own page;
 * OCR cells carry the mean confidence of their words.
 */
export function gridToTable(grid: TableGrid, origin: TableOrigin, context: string[] = [], after: string[] = []): Table {
  const base: Provenance = {
    sourceId: origin.sourceId,
    page: origin.page,
    method: origin.method,
    extractor: origin.extractor,
  };
  if (origin.part) base.part = origin.part;
  const cells: Cell[] = grid.cells.map((g) => {
    const prov: Provenance = { ...base, bbox: roundBox(g.bbox) };
    const conf = mean(g.items.map((i) => i.prov.confidence).filter((c): c is number => c !== undefined));
    if (conf !== undefined) prov.confidence = Math.round(conf * 1000) / 1000;
    return { row: g.row, col: g.col, rowSpan: g.rowSpan, colSpan: g.colSpan, text: g.text, prov };
  });
  const table: Table = {
    id: origin.id,
    nRows: grid.nRows,
    nCols: grid.nCols,
    cells,
    context,
    prov: { ...base, bbox: roundBox(grid.bbox) },
    pages: [origin.page],
  };
  const caption = captionFrom(context);
  if (caption) table.caption = caption;
  if (after.length) table.after = after;
  return table;
}

/** Lines that label a table but are not its title: 公开NN表 / 表一 labels, 单位 and 部门 lines, dates. */
const NOT_TITLE =
  /^(.{0,12}公开\s*\d+\s*表|(公开)?表[一二三四五六七八九十\d]+$|预算\d+表|[（(]?\s*(金额)?单位[:：]|(编制|填报)?(部门|单位)[:：]|编制(部门|单位)|\d{4}\s*年\s*\d+\s*月|第?\s*\d+\s*页)/;

/**
 * The title among the context lines: the nearest one naming a table (…表), else the nearest
 * line that is not a label, unit or department line.
 */
export function captionFrom(context: string[]): string | undefined {
  const lines = context.map((l) => l.trim()).filter((l) => l && !NOT_TITLE.test(l) && !/^[-—\d\s]+$/.test(l));
  return [...lines].reverse().find((l) => /表([（(].*[)）])?$/.test(l)) ?? lines[lines.length - 1];
}
