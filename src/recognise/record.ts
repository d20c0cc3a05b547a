import type { Provenance, Table } from '../model/document.js';
import type { BaseRecord } from '../../schemas/common.js';
import type { RecogniseContext } from './types.js';
import { compact, unitFromLine } from './values.js';
import { BUDGETDOC_VERSION } from '../util/versions.js';

/** Version of the recognisers (the installed budgetdoc), recorded on every record beside the extractor libraries'. */
export { BUDGETDOC_VERSION };

/** The record kind a table type implies (a 决算 document also carries 自评 tables). */
export function kindOf(tableType: string): BaseRecord['kind'] {
  if (tableType.startsWith('final.')) return 'final';
  if (tableType.startsWith('budget.')) return 'budget';
  if (tableType.endsWith('_selfeval')) return 'perf_selfeval';
  if (tableType.endsWith('_target')) return 'perf_target';
  return 'unknown';
}

/** Every text a table prints around and at its top, for titles, labels and 单位 lines. */
export function tableTexts(table: Table): string[] {
  const top = table.cells.filter((c) => c.row < 2).map((c) => c.text);
  return [...table.context, ...(table.caption ? [table.caption] : []), ...top];
}

/** The unit stated in the table's 单位 line or header cells ('金额单位：万元'); null if none is printed. */
export function unitOf(table: Table): string | null {
  for (const t of [...tableTexts(table), ...table.cells.map((c) => c.text)]) {
    const u = unitFromLine(t);
    if (u) return u;
    const m = /[(（](万元|元)[)）]/.exec(compact(t));
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The output-contract fields every record shares, from the document metadata; recognisers
 * override department, title or unit where the table itself prints them.
 */
export function baseFields(table: Table, ctx: RecogniseContext, tableType: string, title: string, unit: string | null) {
  const metaProvenance: Record<string, Provenance> = { ...ctx.meta.provenance, title: table.prov, kind: table.prov };
  const doc = ctx.doc;
  const metaValue = (key: string) => doc.meta.find((m) => m.key === key);
  const published = metaValue('publishedAt');
  const publisher = metaValue('publisher');
  if (published) metaProvenance.publishedAt = published.prov;
  if (publisher) metaProvenance.publisher = publisher.prov;
  const found = doc.source.discoveredFrom;
  return {
    tableType,
    title,
    unit,
    region: ctx.meta.region,
    department: ctx.meta.department,
    year: ctx.meta.year,
    kind: kindOf(tableType),
    rows: [],
    issues: [],
    provenance: table.prov,
    metaProvenance,
    versions: { budgetdoc: BUDGETDOC_VERSION, ...ctx.doc.versions },
    source: {
      id: doc.source.id,
      url: doc.source.url,
      fileName: doc.source.fileName ?? null,
      // An attachment's own page has no 发布时间; the article that linked it does (issue 6).
      publishedAt: published?.value ?? found?.publishedAt ?? null,
      publisher: publisher?.value ?? null,
      ...(found
        ? { discoveredFrom: Object.fromEntries(Object.entries(found).filter(([, v]) => typeof v === 'string')) }
        : {}),
      ...(doc.source.parentId ? { parentId: doc.source.parentId } : {}),
    },
  };
}
