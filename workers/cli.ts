/**
 * Process entry of `budgetdoc`: the pure CLI of src/cli with the BullMQ backend handed in
 * (src/ never imports bullmq; the backend is loaded only when a distributed verb needs it).
 */
import { buildProgram } from '../src/cli/program.js';

// `budgetdoc extract ... | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = buildProgram(
  async () => (await import('./backend.js')).bullBackend,
  async () => (await import('./crawl-backend.js')).crawlBackend,
);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`budgetdoc: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
