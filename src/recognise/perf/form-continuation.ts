import type { Table } from '../../model/document.js';
import type { RecogniseContext } from '../types.js';
import { formTitleKey, hasIndicatorHeader, labelSet, ownTitle } from './classify.js';

/** Labels of a form's head (§3.2–3.6): a table printing one of them starts a form, it does not continue one. */
const HEAD_LABELS =
  /^(项目名称|专项[(（]项目[)）]名称|项目编码|主管部门|实施单位|项目资金|年度资金总额|预算数|填报单位)/;

/**
 * A table that only continues the indicator rows of the form printed just before it, on the next page, without the
 * form's title, head or indicator header (docs/domain.md §3.6: "a form that continues on the next page has no title
 * there"). The extractor joins such a page to the form when the grids line up; when they do not, the registry's
 * continuation join (continuation.ts) can, provided the form's recogniser claims the part and says it has no header
 * rows. `isForm` tells whether the previous table is a form of the recogniser's type (or continues one: a form over
 * three pages).
 */
export function continuesFormAbove(
  table: Table,
  ctx: RecogniseContext | undefined,
  isForm: (prev: Table, ctx: RecogniseContext) => boolean,
): boolean {
  const prev = ctx?.doc.tables[ctx.tableIndex - 1];
  if (!ctx || !prev || prev.nCols !== table.nCols || table.cells.length === 0) return false;
  const labels = labelSet(table);
  if (ownTitle(table) || [...table.context, table.caption ?? ''].some((l) => formTitleKey(l) !== null)) return false;
  if (hasIndicatorHeader(labels) || labels.some((l) => HEAD_LABELS.test(l))) return false;
  const prevLast = Math.max(...(prev.pages ?? [prev.prov.page]));
  if (table.prov.page !== prevLast + 1) return false;
  return isForm(prev, { ...ctx, tableIndex: ctx.tableIndex - 1 });
}
