import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** One folder per test run for the derived samples (test/helpers/derived.ts), removed when the run ends. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-derived-'));
  project.provide('derivedDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
