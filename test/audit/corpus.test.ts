import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/types.js';
import { budgetdoc } from '../helpers/cli.js';
import { corpusAvailable, corpusFile } from '../helpers/corpus.js';

/**
 * `budgetdoc audit` on real disclosures. The error-level findings expected here were each checked by hand against the
 * printed page (pdftotext -layout), not taken from the tool's output.
 */
const FINAL = 'shanghai-putuo-finance-bureau-2024-final.pdf';
const PAIR = ['jiangsu-party-office-2018-budget-narrative.pdf', 'jiangsu-party-office-2018-budget-tables.pdf'];

const errors = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} p.${f.page} ${f.expected} ${f.actual}`);

describe.runIf(corpusAvailable([FINAL, ...PAIR], 'audit on the corpus'))('budgetdoc audit on the corpus', () => {
  it('reports the two errors the Putuo 2024 决算 prints on p. 21, and no other error', async () => {
    const r = await budgetdoc(['audit', '--json', corpusFile(FINAL)]);
    expect(r.code).toBe(1);
    const findings: Finding[] = JSON.parse(r.stdout).documents[0].findings;
    // p. 21: "财政拨款收入支出总计0.3万元" where 财政拨款收入支出决算总表 prints 总计 2,961.68; "一般公共服务支出（类）2106.66万元，
    // 占71.73%" where 2106.66 / 2940.05 is 71.65%.
    expect(errors(findings).sort()).toEqual(
      ['narrative.figure_mismatch p.21 2961.68 0.3', 'narrative.share_mismatch p.21 71.65 71.73'].sort(),
    );
    // Its sums that hold only within 尾差 (收入决算表 合计 2,946.25 against Σ 类 2,946.26) are info.
    expect(findings.some((f) => f.rule === 'cross_table.rounding' && f.severity === 'info')).toBe(true);
  });

  it('compares a narrative-only file with its tables file and exits 0 where they agree', async () => {
    const r = await budgetdoc(['audit', '--json', ...PAIR.map(corpusFile)]);
    const docs: Array<{ fileName: string; comparedWith?: string[]; findings: Finding[] }> = JSON.parse(
      r.stdout,
    ).documents;
    expect(docs).toHaveLength(2);
    expect(docs[0]!.comparedWith).toEqual([corpusFile(PAIR[1]!)]);
    for (const d of docs) expect(errors(d.findings), d.fileName).toEqual([]);
    expect(r.code).toBe(0);
  });
});
