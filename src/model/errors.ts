/**
 * Control-flow errors (docs/architecture.md, Errors). A PermanentError is never retried (BullMQ
 * UnrecoverableError); a TransientError is retried with exponential backoff and jitter.
 * Each carries a stable code, the same vocabulary as Issue codes.
 */
export class PermanentError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

export class TransientError extends Error {
  readonly transient = true;
  constructor(
    readonly code: string,
    message: string,
    /** Server-requested delay (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export function isPermanent(err: unknown): err is PermanentError {
  return err instanceof Error && (err as Partial<PermanentError>).permanent === true;
}

export function errorCode(err: unknown): string {
  if (err instanceof PermanentError || err instanceof TransientError) return err.code;
  return 'internal.error';
}
