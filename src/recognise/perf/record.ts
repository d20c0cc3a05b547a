import type { Provenance, Table } from '../../model/document.js';
import { regionFromText } from '../meta/region.js';
import { baseFields, unitOf } from '../record.js';
import type { RecogniseContext } from '../types.js';
import { cleanText, labelKey, yearIn } from './text.js';

/** A value the table itself prints, with where. */
export interface Printed<T> {
  value: T;
  provenance: Provenance;
}

/** Facts the table prints about itself, which win over the document's (a per-table 年度, 填报单位). */
export interface OwnMeta {
  title: string;
  department?: Printed<string> | null | undefined;
  year?: Printed<number> | undefined;
}

/**
 * The lead's base fields (src/recognise/record.ts: document metadata of docs/domain.md §4) with the
 * department and year the table prints over the document's, each with the cell it came from.
 */
export function perfBase(table: Table, ctx: RecogniseContext, tableType: string, own: OwnMeta) {
  const base = baseFields(table, ctx, tableType, own.title, unitOf(table));
  const metaProvenance = { ...base.metaProvenance };
  if (own.department) metaProvenance.department = own.department.provenance;
  if (own.year) metaProvenance.year = own.year.provenance;
  // A workbook or a one-table PDF may print its place only in the unit's name
  // (`咸阳市杨陵区人民代表大会常务委员会办公室`, `抚宁区人大`).
  let region = base.region;
  if (Object.keys(region).length === 0 && own.department) {
    region = regionFromText(own.department.value);
    if (Object.keys(region).length > 0) metaProvenance.region = own.department.provenance;
  }
  return {
    ...base,
    region,
    department: own.department?.value ?? base.department,
    year: own.year?.value ?? base.year,
    metaProvenance,
  };
}

/**
 * The title: the first title-area text matching `re`, the table's own top cells and caption
 * before the lines above it (seed 001's workbook prints `区级预算（项目）绩效目标自评表` inside
 * the sheet under a document heading `预算项目自评表`), without a trailing `（2019年度）`,
 * which is the record's year.
 */
export function titleOf(table: Table, re: RegExp, fallback: string): string {
  const own = table.cells.filter((c) => c.row < 2).map((c) => c.text);
  const texts = [...own, ...(table.caption ? [table.caption] : []), ...[...table.context].reverse()];
  const hit = texts.find((t) => re.test(labelKey(t)));
  return cleanText(hit ?? fallback).replace(/\s*[(（]\s*(19|20)\d{2}\s*年度?\s*[)）]$/, '');
}

/** A `（2019年度）` line or cell in the title area (short lines only: a narrative mentions years too). */
export function yearOf(table: Table): Printed<number> | undefined {
  const lines = [
    ...table.context.map((t) => ({ text: t, prov: table.prov })),
    ...table.cells.filter((c) => c.row < 3).map((c) => ({ text: c.text, prov: c.prov })),
  ];
  for (const l of lines) {
    if (cleanText(l.text).length > 40) continue;
    const y = yearIn(l.text);
    if (y !== null) return { value: y, provenance: l.prov };
  }
  return undefined;
}
