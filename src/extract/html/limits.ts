import { PermanentError } from '../../model/errors.js';

/**
 * Bounds of the HTML reader (issue 16). A finance bureau's article page is well under a megabyte; these are far
 * above any real one and far below what makes parse5 or the grid run out of time or memory.
 */
export const HTML_LIMITS = {
  /** Largest page parsed: a 50 MB body took parse5 25 s and 2 GB before anything was read from it. */
  maxBytes: 20 * 1024 * 1024,
  /** Deepest nesting parsed: parse5's open-element checks are linear in the depth, so 100 000 nested divs never end. */
  maxDepth: 1000,
  /**
   * Most elements parsed: parse5's tree costs about 1 KB of heap per element, so a table of 200 000 rows (1.2 million
   * elements in 18 MB) needs 1.5 GB before a cell is read. A long article page has a few thousand.
   */
  maxElements: 500_000,
  /** Rows of one table read; the rest are dropped with a warning. */
  maxRows: 20_000,
  /** Columns of one table read; cells past them are dropped with a warning. */
  maxCols: 1_000,
  /** Grid positions one table may cover (rows × columns, spans included): beyond it the page fails. */
  maxCells: 1_000_000,
  /** Data tables read from one page; the rest are dropped with a warning (20 000 tiny tables outlast recognition). */
  maxTables: 2_000,
  /** Characters kept of one line or one cell. */
  maxLineChars: 20_000,
  /** Characters of running text kept for the page. */
  maxTextChars: 2_000_000,
} as const;

/** Elements with no end tag, or whose end tag parse5 implies when a sibling opens: they never pile up. */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp'.split(
    ' ',
  ),
);
const TAG = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/**
 * How many elements the page opens and how deep they nest, estimated from its tags in one linear pass (elements
 * that close themselves do not add depth), so a page too big or too deep for parse5 is refused before parse5 sees it.
 */
export function pageShape(html: string): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[3]?.toLowerCase();
    if (!name) continue;
    if (!m[2]) elements++;
    if (NOT_NESTING.has(name) || m[4]) continue;
    if (m[2]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return { depth: max, elements };
}

/** Refuses a page over the size, element or depth bound, with the figure that decided it. */
export function checkPage(bytes: Uint8Array, text: string): void {
  if (bytes.length > HTML_LIMITS.maxBytes)
    throw new PermanentError(
      'html.too_large',
      `the page is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${HTML_LIMITS.maxBytes / 1024 / 1024} MB an HTML page is read to`,
    );
  const { depth, elements } = pageShape(text);
  if (elements > HTML_LIMITS.maxElements)
    throw new PermanentError(
      'html.too_large',
      `the page has ${elements} elements, over the ${HTML_LIMITS.maxElements} an HTML page is read to`,
    );
  if (depth > HTML_LIMITS.maxDepth)
    throw new PermanentError(
      'html.too_deep',
      `elements nest ${depth} deep, over the ${HTML_LIMITS.maxDepth} an HTML page is read to`,
    );
}

/** A string cut to `max` characters (never inside a surrogate pair). */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]!) ? max - 1 : max;
  return s.slice(0, end);
}
