import type { Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { normalise } from '../values.js';
import { regionFromText, repairPlaceName } from './region.js';

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
  return (
    t.length >= 3 &&
    t.length <= 40 &&
    /[\u4e00-\u9fff]/.test(t) &&
    !NOT_NAMES.has(t) &&
    !/^\d/.test(t) &&
    ORG_SUFFIX.test(t)
  );
}

/** The prefix Word's PDF printer puts before the file name in a PDF's Title ('Microsoft Word - 江苏省委办公厅…'). */
const WORD_TITLE = /^(?:Microsoft(?:Word|Excel|PowerPoint)|WPS(?:文字|表格)?)-/i;

/** Unit endings that a line wraps off a name that already reads as one ('江苏省人大常委会' + '办公厅'). */
const WRAPPED_ENDINGS = new Set(['办公室', '办公厅', '委员会', '办事处', '管理局', '管理处', '服务中心']);

/**
 * One name printed over two lines ('部门：上海市普陀区人民政府办' then '公厅'): the joined name when
 * the second line is a short fragment (up to 6 characters, nothing but Han characters) and the join
 * is a unit's name. A first line that already reads as a name is only continued by a unit ending
 * (办公厅, 委员会 …), so '上海市财政局' and a next line '单位' stay apart. Undefined otherwise.
 */
export function joinWrappedName(first: string, fragment: string): string | undefined {
  const head = compactName(first);
  const tail = compactName(fragment);
  if (!/^[\u4e00-\u9fff]{1,6}$/.test(tail)) return undefined;
  if (isOrgName(head) && !WRAPPED_ENDINGS.has(tail)) return undefined;
  const joined = head + tail;
  return isOrgName(joined) ? joined : undefined;
}

/**
 * The unit named in a document title: '2023年洪江市人民政府办公室部门整体支出绩效目标表' and
 * '上海市普陀区财政局2024年度部门决算' both name the unit around the year.
 */
export function orgFromTitle(text: string): string | undefined {
  const t = compactName(text)
    .replace(WORD_TITLE, '')
    .replace(/^附件\d*[:：]?/, '')
    .replace(/\.(pdf|docx?|xlsx?|html?)$/i, '');
  const m = /((?:19|20)\d{2})年度?/.exec(t);
  const parts = m ? [t.slice(0, m.index), t.slice(m.index + m[0].length)] : [t];
  for (const part of parts) {
    const name = part.replace(
      /(?:部门|单位)?(?:整体)?(?:支出)?(?:预算)?(?:绩效目标(?:申报)?表|绩效自评(?:报告|表)?|决算|预算)(?:公开)?.*$/,
      '',
    );
    if (isOrgName(name)) return name;
  }
  return undefined;
}

/** Three-character endings of unit names whose last character OCR may misread (办公室 read 办公安). */
const ENDINGS = ['办公室', '办公厅', '委员会', '办事处'];

/**
 * The ending of an OCR-read name that is no unit name ('…委员会办公安') put right when one of
 * ENDINGS differs from it in the last character only. 办公厅 and 办公室 differ there alike:
 * 办公厅 is the office of a province-level or central organ, a city's or county's is a 办公室,
 * so the region the name prints decides, and nothing is changed when it prints none.
 */
function repairEnding(name: string): string | null {
  if (isOrgName(name)) return null;
  const stem = name.slice(0, -1);
  const fits = ENDINGS.filter((e) => stem.endsWith(e.slice(0, -1)));
  if (fits.length === 0) return null;
  let ending = fits.length === 1 ? fits[0]! : undefined;
  if (!ending) {
    const region = regionFromText(stem);
    if (region.city || region.county) ending = '办公室';
    else if (region.province) ending = '办公厅';
  }
  return ending ? stem + ending.slice(-1) : null;
}

/**
 * A unit name as OCR read it, with a misread city put right (region.ts repairPlaceName) and a
 * misread last character of its ending (repairEnding), and a 'meta.name_repaired' warning saying
 * so. Names from a text layer or the document structure are returned as they are: only a
 * reading by OCR can be a misreading.
 */
export function repairOcrOrgName(name: string, prov: Provenance): { value: string; issue?: Issue } {
  if (prov.method !== 'ocr') return { value: name };
  const place = repairPlaceName(name);
  const value = place?.value ?? name;
  const fixed = repairEnding(value) ?? value;
  if (fixed === name) return { value: name };
  const what = [
    place && `city ${place.from} taken as ${place.to}`,
    fixed !== value && `ending ${value.slice(-3)} taken as ${fixed.slice(-3)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    value: fixed,
    issue: issue('warning', 'meta.name_repaired', `unit name read by OCR as '${name}', ${what}: '${fixed}'`, prov),
  };
}
