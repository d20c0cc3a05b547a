import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectTargetForms as sample } from '../../scripts/perf-forms-sample/data.js';
import type { PerfProjectTarget } from '../../schemas/perf-project-target.js';
import { defaultIsolation, extractIsolated } from '../../src/extract/isolate.js';
import { sniff } from '../../src/extract/sniff.js';
import { defaultLimits } from '../../src/extract/types.js';
import type { ExtractedDocument } from '../../src/model/document.js';
import { localSource } from '../../src/pipeline/process-document.js';
import { recogniseDocument } from '../../src/recognise/registry.js';

/**
 * samples/pdf/built/hongkou-2025-project-target-forms.pdf end to end (issue 11, Forms): five Shanghai
 * 财政项目支出绩效目标填报表 in a row, form 3 continued on page 4 without title or header. The PDF extractor joins
 * the five grids into one table across the pages (their titles repeat above each grid), so the forms are split
 * (src/recognise/perf/split.ts) when the registry recognises them. Expected values come from the sample's own data
 * file (scripts/perf-forms-sample/data.ts), not from the pipeline.
 */
const amount = (s: string) => Number(s.replace(/,/g, ''));

describe('golden: five 财政项目支出绩效目标填报表 (docs/domain.md §3.6)', () => {
  let extracted: ExtractedDocument;
  let records: PerfProjectTarget[];

  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(sample.file));
    const source = localSource(bytes, sample.file);
    extracted = await extractIsolated(bytes, source, sniff(bytes, source.fileName), defaultLimits, defaultIsolation);
    const recognised = recogniseDocument(extracted);
    records = recognised.records as unknown as PerfProjectTarget[];
  }, 120_000);

  it('the extractor joins the five grids; recognition gives one perf.project_target record per form', () => {
    expect(extracted.tables).toHaveLength(1);
    expect(records.map((r) => [r.tableType, r.title, r.year, r.unit, r.projectName?.value, r.provenance.page])).toEqual(
      sample.forms.map((f, i) => ['perf.project_target', sample.title, 2025, '元', f.name, [1, 2, 3, 5, 6][i]]),
    );
  });

  it.each(sample.forms.map((f, i) => [i + 1, f] as const))(
    'form %i: every header field and money field as printed',
    (i, f) => {
      const r = records[i - 1]!;
      const fields = [r.nature, r.category, r.supervisor, r.implementer, r.startDate, r.endDate].map((x) => [
        x?.label,
        x?.value,
      ]);
      expect(fields).toEqual([
        ['项目性质', f.nature],
        ['项目类别', f.category],
        ['主管部门', f.supervisor],
        ['实施单位', f.implementer],
        ['计划开始日期', f.start],
        ['计划完成日期', f.end],
      ]);
      const p = r.projectFunds!;
      const a = r.annualFunds!;
      expect([p.total, p.fiscal, p.other].map((x) => x?.value)).toEqual(
        [f.project.total, f.project.fiscal, f.project.other].map(amount),
      );
      expect([a.total, a.appropriation, a.carryover, a.other].map((x) => x?.value)).toEqual(
        [f.annual.total, f.annual.appropriation, f.annual.carryover, f.annual.other].map(amount),
      );
    },
  );

  it.each(sample.forms.map((f, i) => [i + 1, f] as const))(
    'form %i: every 年度指标值, parsed, with a box on its page',
    (i, f) => {
      const r = records[i - 1]!;
      expect(r.indicators.map((x) => [x.level1, x.level2, x.level3, x.value?.text])).toEqual(
        f.indicators.map((row) => [...row]),
      );
      for (const x of r.indicators) {
        const m = /^([≥≤=])([\d.]+)\((.+)\)$/.exec(x.value!.text);
        expect(x.value).toEqual(
          m
            ? { operator: m[1], value: Number(m[2]), unit: m[3], text: x.value!.text }
            : { operator: null, value: null, unit: null, text: x.value!.text },
        );
        expect(x.provenance.bbox).toBeTruthy();
      }
      if (i - 1 === sample.twoPageForm) {
        // The rows continued on page 4 belong to form 3, not to a form of their own.
        expect([...new Set(r.indicators.map((x) => x.provenance.page))]).toEqual([3, 4]);
      }
    },
  );

  it('both identities pass on every form, covering all seven amounts; every record is ok', () => {
    for (const r of records) {
      expect(r.checks.map((c) => [c.rule, c.ok])).toEqual([
        ['perf.project_target.project_funds_sum', true],
        ['perf.project_target.annual_funds_sum', true],
      ]);
      expect(r.checks.flatMap((c) => c.covers ?? [])).toHaveLength(7);
      expect(r.verification).toMatchObject({ verified: 7, contradicted: 0, unchecked: 0 });
      expect(r.issues.filter((x) => x.severity === 'error')).toEqual([]);
      expect(r.status).toBe('ok');
    }
  });
});
