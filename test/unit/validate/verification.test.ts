import { describe, expect, it } from 'vitest';
import { cellRef, equalCheck, ref, rescaleTolerance, sumCheck } from '../../../src/validate/sum-check.js';
import { documentVerification, recordValues, resolveCovers, verifyRecord } from '../../../src/validate/verification.js';
import { documentChecksCover } from '../../../src/recognise/document-trust.js';
import type { RecognisedRecord } from '../../../src/recognise/types.js';
import type { Check } from '../../../schemas/common.js';

type Row = { code?: string; name: string; values: Record<string, number | null> };

function record(rows: Row[], extra: Record<string, unknown> = {}) {
  return { tableId: 't1', rows, checks: [] as Check[], provenance: { method: 'text-layer' }, issues: [], ...extra };
}

describe('per-value verification', () => {
  it('marks the values a passing identity covers verified, a failing one contradicted, the rest unchecked', () => {
    const rows: Row[] = [
      { name: '合计', values: { total: 30, basic: 20 } },
      { code: '201', name: 'a', values: { total: 10, basic: 10 } },
      { code: '205', name: 'b', values: { total: 20, basic: 11 } },
    ];
    const r = record(rows);
    r.checks = [
      sumCheck(
        'total',
        cellRef(rows[0], 'total'),
        rows.slice(1).map((x) => cellRef(x, 'total')),
        'd',
      )!,
      sumCheck(
        'basic',
        cellRef(rows[0], 'basic'),
        rows.slice(1).map((x) => cellRef(x, 'basic')),
        'd',
      )!,
    ];
    resolveCovers(r.checks, [{ record: r, prefix: '' }]);
    expect(r.checks[0]!.covers).toEqual(['rows.0.values.total', 'rows.1.values.total', 'rows.2.values.total']);
    const v = verifyRecord(r);
    expect(v).toMatchObject({ verified: 3, contradicted: 3, unchecked: 0, total: 6, share: 0.5 });
    expect(v.states!['rows.2.values.basic']).toBe('contradicted');
    // The covers survive serialisation; the operands the check read do not.
    expect(JSON.parse(JSON.stringify(r.checks[0]))).not.toHaveProperty('refs');
  });

  it('counts a number no identity reads as unchecked, and codes or levels not at all', () => {
    const r = record([{ code: '201', name: 'a', values: { total: 5, other: null } }], { level: 1, year: 2024 });
    expect([...recordValues(r).keys()]).toEqual(['rows.0.values.total']);
    expect(verifyRecord(r)).toMatchObject({ verified: 0, unchecked: 1, share: 0 });
  });

  it('resolves fields of forms (budget.total.value) and plain numbers cover nothing', () => {
    const r = {
      checks: [] as Check[],
      budget: { total: { value: 10, provenance: {} }, basic: { value: 4, provenance: {} } },
    };
    r.checks = [sumCheck('s', ref(r.budget.total, 'value'), [ref(r.budget.basic, 'value'), 6], 'd')!];
    resolveCovers(r.checks, [{ record: r, prefix: '' }]);
    expect(r.checks[0]!.covers).toEqual(['budget.total.value', 'budget.basic.value']);
  });
});

describe('尾差 by printed precision (docs/domain.md §2)', () => {
  it('passes a whole-元 total 1 元 off per addend as rounding, and fails beyond it', () => {
    const off1 = rescaleTolerance(sumCheck('s', 1001, [500, 500], 'd')!, 1);
    expect(off1).toMatchObject({ ok: true, rounding: true, tolerance: 2 });
    const off3 = rescaleTolerance(sumCheck('s', 1003, [500, 500], 'd')!, 1);
    expect(off3).toMatchObject({ ok: false, tolerance: 2 });
    expect(off3.rounding).toBeUndefined();
  });

  it('keeps 0.01 per addend for 2 decimals: 1 元 off in a 万元 table with fen is an error', () => {
    expect(sumCheck('s', 10.01, [5, 5], 'd')).toMatchObject({ ok: true, rounding: true });
    expect(sumCheck('s', 11, [5, 5], 'd')).toMatchObject({ ok: false });
    expect(sumCheck('s', 10, [5, 5], 'd')!.rounding).toBeUndefined();
  });

  it('leaves checks without 尾差 (points, bounds) as they are', () => {
    expect(rescaleTolerance(equalCheck('p', 10, 11, 0, 'd')!, 1)).toMatchObject({ ok: false, tolerance: 0 });
  });
});

describe('document checks', () => {
  it('cover values of two records by table id, at the coarser printed precision', () => {
    const a = record([{ name: '合计', values: { total: 100 } }], {
      tableId: 'a',
      printedDecimals: 0,
    }) as unknown as RecognisedRecord;
    const b = record([{ name: '合计', values: { total: 101 } }], {
      tableId: 'b',
      printedDecimals: 0,
    }) as unknown as RecognisedRecord;
    const check = equalCheck('cross', cellRef(a.rows[0], 'total'), cellRef(b.rows[0], 'total'), 0.01, 'd')!;
    documentChecksCover([a, b], [check]);
    expect(check.covers).toEqual(['a:rows.0.values.total', 'b:rows.0.values.total']);
    expect(check).toMatchObject({ ok: true, rounding: true, tolerance: 1 });
    expect(a.verification).toMatchObject({ verified: 1, total: 1 });
    expect(documentVerification([a, b])).toMatchObject({ verified: 2, total: 2, share: 1 });
  });

  it('turns an OCR record with numbers no identity covers partial', () => {
    const r = record([{ code: '201', name: 'a', values: { total: 5 } }], {
      provenance: { method: 'ocr' },
      status: 'ok',
    }) as unknown as RecognisedRecord;
    documentChecksCover([r], []);
    expect(r.status).toBe('partial');
    expect(r.issues.map((i) => i.code)).toEqual(['ocr.values_unchecked']);
  });
});
