import type { Cell } from '../../model/document.js';
import { FormGrid } from '../form-grid.js';
import { amountValue, compact, normalise } from '../values.js';
import { printedLabel } from './form.js';
import { cleanText } from './text.js';

/**
 * What seed 000's 部门（单位）整体支出绩效目标申报表 prints besides indicators (docs/domain.md §3.4):
 * basic facts (绩申表-1: 联络员, 人员编制数, 实有人数, 公车编制数 ...), the 三公经费预算 block, and
 * the long texts (单位职能, 保障措施, 上年度预算执行情况, 中长期战略目标, 其他需说明的问题).
 */

const isValue = (c: Cell | undefined): c is Cell => !!c && (amountValue(c.text) !== null || compact(c.text) === '');

/**
 * The value of a label: the next cell right, or, in the label-row-over-value-row layout of
 * 绩申表-1 (`资金来源合计 | 公共财政拨款 | …` over `754.38 | 754.38 | …`), the cell below.
 */
export function valueCell(form: FormGrid, label: Cell): Cell | undefined {
  const right = form.rightOf(label);
  if (isValue(right)) return right;
  const below = form.at(label.row + label.rowSpan, label.col);
  return isValue(below) ? below : right;
}

function textField(form: FormGrid, re: RegExp, shape = /./) {
  const label = form.find(re);
  const value = label && form.rightOf(label);
  const text = value ? cleanText(value.text) : '';
  return value && shape.test(text) ? { label: printedLabel(label), value: text, provenance: value.prov } : null;
}

function numberField(form: FormGrid, re: RegExp) {
  const label = form.find(re);
  const value = label && valueCell(form, label);
  return value ? { label: printedLabel(label), value: amountValue(value.text), provenance: value.prov } : null;
}

/** 绩申表-1's facts about the unit; every field null where the form does not print it. */
export function readFacts(form: FormGrid) {
  return {
    /** 预算绩效管理联络员 */
    liaison: textField(form, /联络员$/),
    /** 联系电话 */
    // 绩申表-4 heads a column 联系电话 too: only a number is a phone.
    phone: textField(form, /^联系电话$/, /^[\d-]+$/),
    /** 人员编制数 */
    staffQuota: numberField(form, /^人员编制数$/),
    /** 实有人数 */
    staffActual: numberField(form, /^实有人数$/),
    /** 公车编制数 */
    vehicleQuota: numberField(form, /^公车编制数$/),
    /** 实有公车数 */
    vehicleActual: numberField(form, /^实有公车数$/),
    /** 单位职能 */
    functions: textField(form, /^单位职能$|^部门职能$/),
    /** 部门中长期战略目标 (绩申表-2) */
    strategy: textField(form, /中长期战略目标$/),
    /** 保障绩效目标实现的措施 */
    measures: textField(form, /^保障绩效目标实现的措施$/),
    /** 上年度预算执行情况及成效 */
    lastYear: textField(form, /^上年度预算执行情况/),
    /** 其他需说明的问题 (under the indicators of 绩申表-3) */
    otherNotes: textField(form, /^其他需说明的问题$/),
  };
}

const THREE_PUBLIC_ITEMS = /^(公务用车.*费|因公出国[(（]境[)）]费|公务接待费)$/;

/** 三公经费预算（万元）: 合计 and its items, labels over values (绩申表-1). */
export function readThreePublic(form: FormGrid) {
  const head = form.find(/^三公经费预算/);
  if (!head) return null;
  const labelRow = head.row + head.rowSpan;
  const labels = form.rowCells(labelRow).filter((c) => c.row === labelRow);
  const totalLabel = labels.find((c) => /^合计$/.test(FormGrid.label(c)));
  const totalCell = totalLabel && valueCell(form, totalLabel);
  return {
    total: totalCell ? { value: amountValue(totalCell.text), provenance: totalCell.prov } : null,
    items: labels
      .filter((c) => THREE_PUBLIC_ITEMS.test(FormGrid.label(c)))
      .map((c) => {
        const v = valueCell(form, c);
        return { label: normalise(c.text), amount: v ? amountValue(v.text) : null, provenance: (v ?? c).prov };
      }),
  };
}
