import { compactName } from './org-name.js';

/**
 * A department's name reduced to the spelling every year of its disclosures shares (issue 15): spaces and
 * brackets gone, 中国共产党 written 中共. A canonical id is this key behind the region's division code, so
 * 江苏省政协办公厅 of 2017, 2018 and 2019 is one department.
 */
export function departmentKey(name: string): string {
  return compactName(name)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[【】〔〕[\]「」《》"“”]/g, '')
    .replace(/^中国共产党/, '中共');
}

/** `<division code or 'xx'>:<department key>`; undefined without a printed department. */
export function departmentId(name: string | null | undefined, regionCode: string | undefined): string | undefined {
  if (!name) return undefined;
  const key = departmentKey(name);
  return key ? `${regionCode ?? 'xx'}:${key}` : undefined;
}
