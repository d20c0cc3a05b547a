import type { Issue, Provenance, Table } from '../../model/document.js';
import { normalise } from '../values.js';
import { regionFromText } from '../meta/region.js';
import { joinWrappedName, repairOcrOrgName } from '../meta/org-name.js';
import type { DocumentMeta } from '../types.js';

const LABEL = /^(编制部门|编制单位|预算单位|单位名称|部门)\s*[:：]\s*/;
const META = /单位\s*[:：]|^注\s*[:：]/;

/**
 * The department a table prints above itself ('编制部门：咸阳市杨陵区人民代表大会常务委员会办公室',
 * Jiangsu '部门：' with the name on its own line): it outranks the document-level guess, as
 * record.ts allows. Returns null when the table prints none (Shanghai 决算 tables).
 */
export function printedDepartment(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = normalise(lines[i]!);
    const m = LABEL.exec(t);
    if (!m) continue;
    let value = t
      .slice(m[0].length)
      .split(/\s{2,}|\s*(?:金额)?单位\s*[:：]/)[0]!
      .trim();
    const next = lines[i + 1] ? normalise(lines[i + 1]!) : '';
    if (value === '' && next !== '' && !META.test(next) && !LABEL.test(next)) value = next.split(/\s{2,}/)[0]!.trim();
    // '部门：上海市普陀区人民政府办' wrapped before '公厅': one name, never a second department (issue 9).
    else if (value !== '' && next !== '' && !META.test(next) && !LABEL.test(next)) {
      const joined = joinWrappedName(value, next.split(/\s{2,}|\s*(?:金额)?单位\s*[:：]/)[0]!.trim());
      if (joined) value = joined;
    }
    return value.length >= 2 ? value : null;
  }
  return null;
}

/** Department and region for a table's record: the printed department first, the document's otherwise. */
export function tableMeta(
  table: Table,
  lines: string[],
  meta: DocumentMeta,
): {
  department: string | null;
  region: DocumentMeta['region'];
  provenance: Record<string, Provenance>;
  issues?: Issue[];
} {
  const printed = printedDepartment(lines);
  // An OCR-read line may misread the city (威阳市 for 咸阳市) or the ending (办公安): put right as the document's name is.
  const repaired = printed ? repairOcrOrgName(printed, table.prov) : undefined;
  const department = repaired?.value ?? null;
  // A name the table cuts short (a wrap the join could not mend) is the document's department, not a second one.
  const cut =
    !!department && !!meta.department && department !== meta.department && meta.department.startsWith(department);
  if (!department || department === meta.department || cut)
    return { department: meta.department, region: meta.region, provenance: {} };
  const provenance: Record<string, Provenance> = { department: table.prov };
  let region = meta.region;
  if (Object.keys(region).length === 0) {
    region = regionFromText(department);
    if (Object.keys(region).length > 0) provenance.region = table.prov;
  }
  return repaired?.issue
    ? { department, region, provenance, issues: [repaired.issue] }
    : { department, region, provenance };
}
