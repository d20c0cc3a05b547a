import pino, { type Logger } from 'pino';

/** Logs go to stderr, so stdout stays valid JSON for `budgetdoc extract`. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
