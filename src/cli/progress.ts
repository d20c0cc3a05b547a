import cliProgress from 'cli-progress';
import type { QueueBackend } from '../pipeline/in-process.js';
import type { Stores } from '../store/open.js';
import type { Verbosity } from './options.js';

/** Per-document progress of a verb that works through many files. */
export interface Progress {
  /** Adds to the number of documents expected (ingest --retry-failed adds a second round). */
  expect(count: number): void;
  /** One document has ended; `line` says what became of it. A failed one is printed even with --quiet. */
  settled(line: string, failed?: boolean): void;
  /** A line printed only with --verbose. */
  detail(line: string): void;
  stop(): void;
}

/**
 * Progress on stderr, so stdout stays the result alone (issue 14: nothing was printed during a 50-second ingest).
 * On a terminal a cli-progress bar with each document's line printed above it; elsewhere (a pipe, CI) plain
 * `[3/12] …` lines and never a bar frame.
 */
export function createProgress(
  verbosity: Verbosity,
  noun: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  let total = 0;
  let done = 0;
  const counted = (line: string) => `[${done}/${total}] ${line}`;
  if (verbosity === 'quiet')
    return {
      expect: (n) => void (total += n),
      settled(line, failed) {
        done++;
        if (failed) stream.write(`${counted(line)}\n`);
      },
      detail: () => undefined,
      stop: () => undefined,
    };
  if (!stream.isTTY)
    return {
      expect: (n) => void (total += n),
      settled(line) {
        done++;
        stream.write(`${counted(line)}\n`);
      },
      detail: (line) => void (verbosity === 'verbose' && stream.write(`${line}\n`)),
      stop: () => undefined,
    };
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: `${noun} {bar} {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    expect(n) {
      total += n;
      if (total === 0) return;
      if (!bar) bar = bars.create(total, done);
      else bar.setTotal(total);
    },
    settled(line) {
      done++;
      bars.log(`${counted(line)}\n`);
      bar?.update(done);
    },
    detail: (line) => void (verbosity === 'verbose' && bars.log(`${line}\n`)),
    stop() {
      // The bar is cleared before the summary, which shares the terminal; log lines still buffered are flushed.
      if (!bar) return;
      bars.update();
      bars.stop();
      bar = undefined;
    },
  };
}

/** A document this run processed, as it ended. */
export interface DocumentOutcome {
  id: string;
  status: string;
  fileName: string | null;
  tables: number;
  reason?: string;
}

export const documentLine = (d: DocumentOutcome) =>
  `${d.id.slice(0, 12)} ${d.status.padEnd(7)} ${d.fileName ?? ''}${
    d.reason ? `: ${d.reason}` : ` (${d.tables} table${d.tables === 1 ? '' : 's'})`
  }`;

/**
 * The queue with each document's end printed as it happens: its id prefix (what `show` takes), status and, when it
 * failed, why (issue 14: ingest printed no ids although show needs one).
 */
export class ObservedQueue implements QueueBackend {
  private readonly settled: Array<Promise<DocumentOutcome | undefined>> = [];
  private readonly started = Date.now();

  constructor(
    private readonly inner: QueueBackend,
    private readonly stores: Stores,
    readonly progress: Progress,
    private readonly verbose: boolean,
  ) {}

  enqueue: QueueBackend['enqueue'] = (job) => this.inner.enqueue(job);
  close: QueueBackend['close'] = () => this.inner.close();

  drain(onSettled?: (sourceId: string) => void) {
    return this.inner.drain((id) => {
      onSettled?.(id);
      const previous = this.settled.at(-1);
      // Looked up in the order the documents ended, so the lines come out in that order.
      this.settled.push((previous ?? Promise.resolve()).then(() => this.report(id)));
    });
  }

  /** Every document processed so far, once its line is printed. */
  async outcomes(): Promise<DocumentOutcome[]> {
    return (await Promise.all(this.settled)).filter((d): d is DocumentOutcome => d !== undefined);
  }

  private async report(id: string): Promise<DocumentOutcome | undefined> {
    const doc = await this.stores.records.getDocument(id).catch(() => undefined);
    if (!doc) return undefined;
    const reason = doc.status === 'failed' ? (doc.issues.find((i) => i.severity === 'error')?.message ?? '') : '';
    const outcome: DocumentOutcome = {
      id,
      status: doc.status,
      fileName: doc.source.fileName ?? doc.source.url,
      tables: doc.recordCount,
      ...(reason ? { reason } : {}),
    };
    let line = documentLine(outcome);
    if (this.verbose) {
      const codes = [...new Set(doc.issues.map((i) => i.code))];
      line += ` [at ${((Date.now() - this.started) / 1000).toFixed(1)} s${codes.length ? `; ${codes.join(', ')}` : ''}]`;
    }
    this.progress.settled(line, doc.status === 'failed');
    return outcome;
  }
}
