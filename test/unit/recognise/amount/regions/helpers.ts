import { columnRole } from '../../../../../src/recognise/amount/header-match.js';
import { buildFamilySpecs } from '../../../../../src/recognise/amount/specs.js';
import { REGIONS } from '../../../../../src/recognise/amount/regions/index.js';
import type { AmountFamily } from '../../../../../src/recognise/amount/families/index.js';
import { squash } from '../../../../../src/recognise/amount/text.js';

/** The specs every region but one gives: what recognition would be without that region's file. */
export function specsWithout(regionId: string) {
  if (!REGIONS.some((r) => r.id === regionId)) throw new Error(`no region ${regionId}`);
  return buildFamilySpecs(REGIONS.filter((r) => r.id !== regionId));
}

/** The key a printed header path maps to in a family, without the given region; null when none. */
export function keyWithout(regionId: string, family: AmountFamily, path: string[]): string | null {
  const role = columnRole(path.map(squash), specsWithout(regionId)[family].columns);
  return role.role === 'value' || role.role === 'text' ? role.key : null;
}

/** Whether a title names the family without the given region. */
export function titleNamesWithout(regionId: string, family: AmountFamily, title: string): boolean {
  return specsWithout(regionId)[family].titles.some((re) => re.test(squash(title)));
}
