import { printedLines } from './text.js';
import type { AuditContext, Finding, Rule, RuleFamily } from './types.js';

/** Hygiene (docs/domain.md §5): doubled punctuation and stray characters in the printed text. */
const rules = {
  punctuation: {
    id: 'hygiene.doubled_punctuation',
    severity: 'warning',
    description: 'punctuation printed twice or two stops in a row (。。 ，， ，。)',
  },
  stray: {
    id: 'hygiene.stray_character',
    severity: 'warning',
    description:
      'a character that is no text: a replacement mark (�), a control character, a half-width ? inside a Chinese word',
  },
} satisfies Record<string, Rule>;

/**
 * Chinese stops and commas twice in a row, or a comma against a full stop. The ellipsis (……) and the dash (——) are
 * punctuation printed doubled on purpose and are not matched. Read on the raw text: full-width forms as printed.
 */
const DOUBLED = /([。，、；：！？])\1|[，、；：][。！？]|[。！？][，、；：]/g;
/** A half-width ? between Chinese characters is what a failed encoding leaves; Chinese prints its question mark full-width. */
const STRAY = /\uFFFD|[\u0000-\u0008\u000B\u000C\u000E-\u001F]|(?<=[\u4e00-\u9fff])\?(?=[\u4e00-\u9fff])/g;

function lineFindings(ctx: AuditContext, rule: Rule, re: RegExp, what: (hit: string) => string): Finding[] {
  const out: Finding[] = [];
  for (const l of printedLines(ctx.document)) {
    const raw = l.text.replace(/[ \u3000]+/g, '');
    for (const m of raw.matchAll(re)) {
      const at = ctx.locate.find(raw.slice(Math.max(0, m.index - 6), m.index + m[0].length + 2), { page: l.page });
      out.push({
        rule: rule.id,
        severity: rule.severity,
        message: what(m[0]),
        page: l.page,
        bbox: at?.bbox ?? l.bbox,
        text: raw,
        expected: null,
        actual: m[0],
      });
    }
  }
  return out;
}

export const hygiene: RuleFamily = {
  id: 'hygiene',
  rules: Object.values(rules),
  run(ctx) {
    return [
      ...lineFindings(ctx, rules.punctuation, DOUBLED, (hit) => `「${hit}」 printed`),
      ...lineFindings(
        ctx,
        rules.stray,
        STRAY,
        (hit) => `stray character U+${hit.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      ),
    ];
  },
};
