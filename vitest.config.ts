import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The run's temporary folder for samples derived from the corpus (test/helpers/derived.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // OCR and PDF golden tests are CPU-bound; the machine has two cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
