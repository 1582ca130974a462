import { isConnectionFault } from './db/client.js';

interface Log {
  error(obj: object, msg: string): void;
  fatal(obj: object, msg: string): void;
}

/**
 * Process-level safety net for `redress serve` (ADR 0015): a promise rejected with nobody listening
 * (pg-boss's `Manager.fail` while the database is away) or an error event without a listener on a
 * dying database connection is logged and the server keeps running; the database comes back and so
 * does the service. Any other uncaught exception leaves the process in an unknown state: it is
 * logged and `onFatal` decides (the CLI stops within its deadline and exits non-zero).
 * Returns a function that removes the handlers.
 */
export function installProcessGuards(log: () => Log, onFatal: (err: unknown) => void): () => void {
  const onRejection = (reason: unknown) => {
    log().error({ err: reason }, 'unhandled promise rejection (kept running)');
  };
  const onException = (err: unknown) => {
    if (isConnectionFault(err)) {
      log().error({ err }, 'database connection fault outside a request (kept running)');
      return;
    }
    log().fatal({ err }, 'uncaught exception: stopping');
    onFatal(err);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
