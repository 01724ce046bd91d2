/**
 * The shape of the structured logger (one JSON object per line). Declared in the kernel so the
 * collaboration server can take a logger without importing the app's server code; the
 * implementation is app/utils/logger.server.ts.
 */
export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

const ignore = () => {};

/** A logger that writes nothing: for tests and tools that do not want log lines. */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
