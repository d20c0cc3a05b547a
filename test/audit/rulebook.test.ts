import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, families, RULES_VERSION } from '../../src/audit/rulebook.js';

describe('the rulebook', () => {
  it('has one module per family of docs/domain.md §5, each rule with a stable id, a severity and a description', () => {
    expect(families.map((f) => f.id)).toEqual([
      'completeness',
      'consistency',
      'narrative',
      'cross_table',
      'cross_document',
      'hygiene',
    ]);
    for (const f of families)
      for (const r of f.rules) {
        expect(r.id.startsWith(`${f.id}.`), r.id).toBe(true);
        expect(['error', 'warning', 'info']).toContain(r.severity);
        expect(r.description.length).toBeGreaterThan(10);
      }
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
  });
  it('grades 尾差 as info, never as an error', () => {
    for (const r of allRules.filter((x) => /rounding/.test(x.id))) expect(r.severity, r.id).toBe('info');
  });
  it('has a version that names its revision and its rule list', () => {
    expect(RULES_VERSION).toMatch(/^\d+-[0-9a-f]{8}$/);
  });
  it('is listed whole in docs/audit.md, each rule with its severity', () => {
    const doc = readFileSync('docs/audit.md', 'utf8');
    for (const r of allRules) expect(doc, r.id).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
});
