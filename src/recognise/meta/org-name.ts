import type { Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { normalise } from '../values.js';
import { repairPlaceName } from './region.js';

/**
 * What a budget unit's name ends with (国家机关, 事业单位, 人大/政协 offices, schools, 街道办事处 ...).
 * A "department" that does not end like this is a misread label or header (备注, 一般公共), not a name.
 */
const ORG_SUFFIX =
  /(局|办公室|办公厅|委员会|常委会|人大|政协|厅|院|中心|处|所|办事处|政府|学校|小学|中学|大学|学院|医院|馆|站|队|会|部|室|社|团|委|司|署|单位|公司|党校|园|场|台|监狱|科|街道|镇|乡)$/;
const NOT_NAMES = new Set(['备注', '序号', '金额', '合计', '项目', '单位', '部门', '科目名称', '项目名称', '单位名称']);

/** Removes the spaces PDF text layers put between words ('上海市 XX 局' -> '上海市XX局'). */
export function compactName(text: string): string {
  return normalise(text).replace(/\s+/g, '');
}

export function isOrgName(text: string): boolean {
  const t = compactName(text);
  return t.length >= 3 && t.length <= 40 && /[\u4e00-\u9fff]/.test(t) && !NOT_NAMES.has(t) && !/^\d/.test(t) && ORG_SUFFIX.test(t);
}

/**
 * The unit named in a document title: '2023年洪江市人民政府办公室部门整体支出绩效目标表' and
 * '上海市普陀区财政局2024年度部门决算' both name the unit around the year.
 */
export function orgFromTitle(text: string): string | undefined {
  const t = compactName(text).replace(/^附件\d*[:：]?/, '').replace(/\.(pdf|docx?|xlsx?|html?)$/i, '');
  const m = /((?:19|20)\d{2})年度?/.exec(t);
  const parts = m ? [t.slice(0, m.index), t.slice(m.index + m[0].length)] : [t];
  for (const part of parts) {
    const name = part.replace(/(?:部门|单位)?(?:整体)?(?:支出)?(?:预算)?(?:绩效目标(?:申报)?表|绩效自评(?:报告|表)?|决算|预算)(?:公开)?.*$/, '');
    if (isOrgName(name)) return name;
  }
  return undefined;
}

/**
 * A unit name as OCR read it, with a misread city put right (region.ts repairPlaceName) and a
 * 'meta.name_repaired' warning saying so. Names from a text layer or the document structure are
 * returned as they are: only a reading by OCR can be a misreading.
 */
export function repairOcrOrgName(name: string, prov: Provenance): { value: string; issue?: Issue } {
  if (prov.method !== 'ocr') return { value: name };
  const fix = repairPlaceName(name);
  if (!fix) return { value: name };
  const note = issue('warning', 'meta.name_repaired', `unit name read by OCR as '${name}', city ${fix.from} taken as ${fix.to}: '${fix.value}'`, prov);
  return { value: fix.value, issue: note };
}
