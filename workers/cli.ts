/**
 * Process entry of `budgetdoc`: the pure CLI of src/cli with the BullMQ backend handed in
 * (src/ never imports bullmq; the backend is loaded only when a distributed verb needs it).
 */
import { type Command, CommanderError } from 'commander';
import { buildProgram } from '../src/cli/program.js';
import { EXIT } from '../src/cli/options.js';
import { shutdown } from '../src/util/shutdown.js';

// `budgetdoc extract ... | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = buildProgram(
  async () => (await import('./backend.js')).bullBackend,
  async () => (await import('./crawl-backend.js')).crawlBackend,
);
// Every command, including verbs registered after the program was built, throws its usage errors here instead of
// exiting 1 on its own, so they take the table's code 2 (src/cli/options.ts, EXIT; issue 14).
const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
for (const c of all(program)) c.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has printed the message (and the help) already; --help and --version end with 0.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`budgetdoc: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.usage;
  }
} finally {
  // Warm extraction threads would otherwise keep the process alive until they idle out.
  await shutdown();
}
