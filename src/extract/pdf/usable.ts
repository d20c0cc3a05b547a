import type { PageText } from './text-items.js';

/** Share of characters without a Unicode mapping above which a text layer is not trusted. */
const MAX_BAD_SHARE = 0.3;

export type PageTextState = 'ok' | 'no_text' | 'unmapped';

/**
 * Whether a page's text layer can be used (lead's note, issue 3): a scan has no text items;
 * a font without a ToUnicode map yields U+FFFD, private-use or control characters instead.
 */
export function textState(t: Pick<PageText, 'items' | 'badChars' | 'totalChars'>): PageTextState {
  if (t.items.length === 0) return 'no_text';
  if (t.totalChars > 0 && t.badChars / t.totalChars > MAX_BAD_SHARE) return 'unmapped';
  return 'ok';
}
