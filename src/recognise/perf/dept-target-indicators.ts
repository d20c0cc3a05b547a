import type { Cell, Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { FormGrid } from '../form-grid.js';
import { cleanText } from './text.js';
import { compact, parseOperatorValue, splitPoints } from '../values.js';

/** Indicator columns of a 部门整体支出绩效目标表 by printed header (docs/domain.md §3.4; seeds 000, 002, 004). */
const COLUMNS: Array<[key: string, header: RegExp]> = [
  ['level1', /^一级指标/],
  ['level2', /^二级指标/],
  ['level3', /^三级指标/],
  ['valueType', /^指标值类型/],
  ['value', /^(?:指标值|目标值)(?:[(（].*[)）])?$/],
  ['scoringStandard', /评.*分标准|评分标准/],
  ['description', /^指标值说明|^指标说明|^指标内容$/],
  ['remark', /^备注|目标值测算/],
];

// Line breaks next to Chinese characters are wrapping, not content (PDF and DOCX wrap differently).
const text = (c: Cell | undefined) => (c ? cleanText(c.text) : '');
const OPERATORS = /^(≥|≤|=|＝|>|<|＞|＜|>=|<=|定性|定量)$/;

/**
 * The indicator rows under the `一级指标 | 二级指标 | 三级指标 ...` header. 一级 and 二级 labels
 * are merged cells spanning their rows; where a source lost the merge (the cell is blank) the
 * label above is carried down, with an issue, since that is an inference not a printed fact.
 */
export function readIndicators(form: FormGrid) {
  const issues: Issue[] = [];
  const header = form.find(/^一级指标$/);
  if (!header)
    return { indicators: [], issues: [issue('warning', 'perf.no_indicator_header', 'no 一级指标 header row found')] };
  const cols = new Map<string, number>();
  for (const cell of form.rowCells(header.row)) {
    const label = FormGrid.label(cell);
    const hit = COLUMNS.find(([key, re]) => !cols.has(key) && re.test(label));
    if (hit) cols.set(hit[0], cell.col);
  }
  const col = (key: string) => cols.get(key);
  const at = (r: number, key: string) => {
    const c = col(key);
    return c === undefined ? undefined : form.at(r, c);
  };
  const indicators = [];
  const groupNotes: Array<{ level1: string; level2: string; text: string; provenance: Provenance }> = [];
  let carried = { level1: '', level2: '' };
  // One issue per table, not per row: seed 004's PDF splits every merged label at the page break.
  const carriedRows: number[] = [];
  for (let r = header.row + header.rowSpan; r < form.table.nRows; r++) {
    const l3 = at(r, 'level3');
    if (l3 && l3.row !== r) continue;
    const labels = { level1: text(at(r, 'level1')), level2: text(at(r, 'level2')) };
    if (!l3 || compact(l3.text) === '') {
      // A 二级 heading row without a 三级 (seed 004: `重点工作任务完成 | - | 反映本部门负责的…`): its label
      // governs the rows below, and its explanation is kept as a note on the group.
      if (labels.level2 !== '') {
        carried = { level1: labels.level1 || carried.level1, level2: labels.level2 };
        const note = (['description', 'scoringStandard', 'remark'] as const)
          .map((k) => at(r, k))
          .find((c) => c && !/^[-—]?$/.test(text(c)));
        if (note) groupNotes.push({ ...carried, text: text(note), provenance: note.prov });
      }
      continue;
    }
    for (const k of ['level1', 'level2'] as const) {
      if (labels[k] === '' && carried[k] !== '') {
        labels[k] = carried[k];
        if (carriedRows[carriedRows.length - 1] !== r + 1) carriedRows.push(r + 1);
      }
    }
    carried = labels;
    const l1 = splitPoints(labels.level1);
    const l2 = splitPoints(labels.level2);
    const valueType = text(at(r, 'valueType'));
    const cells: Record<string, Provenance> = {};
    for (const key of cols.keys()) {
      const c = at(r, key);
      if (c) cells[key] = c.prov;
    }
    const opt = (key: string) => (col(key) === undefined ? null : text(at(r, key)) || null);
    indicators.push({
      level1: l1.label,
      level1Points: l1.points,
      level2: l2.label,
      level2Points: l2.points,
      level3: text(l3),
      valueType: valueType || null,
      value: parseOperatorValue(text(at(r, 'value')), OPERATORS.test(valueType) ? valueType : undefined),
      scoringStandard: opt('scoringStandard'),
      description: opt('description'),
      remark: opt('remark'),
      provenance: l3.prov,
      cells,
    });
  }
  if (carriedRows.length > 0) {
    const message = `${carriedRows.length} indicator rows took their 一级/二级 label from the row above (blank cell): rows ${carriedRows.join(', ')}`;
    issues.push(issue('warning', 'perf.label_carried_down', message, form.table.prov));
  }
  return { indicators, groupNotes, issues };
}
