/**
 * Seed 001's 部门决算 as one structure to print (scripts/planted-errors/print.ts) and to plant errors in
 * (plant.ts): the tables as the DOCX sample transcribed them (scripts/docx-samples/seed-001-final.ts: grids, title
 * lines, notes), its narrative sections 一–九 (seed-001-narrative.ts) and the rest of the seed's text
 * (seed-001-text.ts). Nothing here is invented; every figure is the seed's.
 */
import * as f from '../docx-samples/seed-001-final.js';
import { narrative } from '../docx-samples/seed-001-narrative.js';
import * as t from './seed-001-text.js';

export interface PrintedTable {
  id: string;
  /** Lines printed above the grid: title, 公开NN表 label, 编制部门 … 金额单位 line. */
  headers: string[];
  /** The grid in scripts/docx-samples/grid-spec.ts notation. */
  grid: string;
  note?: string;
  /** Column widths, points (they add up to the 515 pt of an A4 page inside 40 pt margins). */
  widths: number[];
}

export interface FinalDocument {
  cover: string[];
  parts: string[];
  overview: string[];
  unitList: string;
  staff: string[];
  emptyIndex: string;
  tables: PrintedTable[];
  narrativeHeading: string;
  narrative: string[];
  more: string[];
  glossary: string[];
}

export function seedFinal(): FinalDocument {
  return {
    cover: [...t.cover],
    parts: [...t.parts],
    overview: [...t.overview],
    unitList: f.unitList,
    staff: [...t.staff],
    emptyIndex: f.emptyIndex,
    tables: [
      { id: 't01', headers: [...f.headers.t01], grid: f.t01, note: f.notes.t01, widths: [150, 90, 185, 90] },
      {
        id: 't02',
        headers: [...f.headers.t02],
        grid: f.t02,
        note: f.notes.t02,
        widths: [55, 95, 50, 50, 45, 45, 45, 40, 45, 45],
      },
      {
        id: 't03',
        headers: [...f.headers.t03],
        grid: f.t03,
        note: f.notes.t03,
        widths: [70, 125, 55, 55, 55, 50, 50, 55],
      },
      { id: 't04a', headers: [...f.headers.t04a], grid: f.t04a, widths: [125, 60, 160, 55, 60, 55] },
      { id: 't04b', headers: [...f.headers.t04b], grid: f.t04b, note: f.notes.t04, widths: [125, 60, 160, 55, 60, 55] },
      {
        id: 't05',
        headers: [...f.headers.t05],
        grid: f.t05,
        note: f.notes.t05,
        widths: [70, 125, 55, 50, 55, 50, 55, 55],
      },
      { id: 't06', headers: [...f.headers.t06], grid: f.t06, note: f.notes.t06, widths: [90, 150, 75, 70, 70, 60] },
      {
        id: 't07',
        headers: [...f.headers.t07],
        grid: f.t07,
        note: f.notes.t07,
        widths: [45, 55, 60, 55, 60, 60, 60, 60, 60],
      },
      {
        id: 't08',
        headers: [...f.headers.t08],
        grid: f.t08,
        note: f.notes.t08,
        widths: [70, 115, 60, 55, 55, 55, 55, 50],
      },
    ],
    narrativeHeading: t.narrativeHeading,
    narrative: [...narrative],
    more: [...t.performanceAndOther],
    glossary: [...t.glossary],
  };
}
