import mongoose from 'mongoose';

const { MongoBulkWriteError, MongoError, MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError } = mongoose.mongo;

/** MongoDB's codes for a server that is stepping down, shutting down or unreachable. */
const UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

/**
 * FerretDB answers InternalError (code 1) with the PostgreSQL driver's message while its
 * PostgreSQL is down or restarting.
 */
const BACKEND_DOWN =
  /broken pipe|connection refused|no such file or directory|failed to connect|starting up|not yet accepting connections|in recovery mode|shutting down|terminating connection|server closed the connection|connection reset|unexpected EOF/i;

const SOCKET_GONE = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

/**
 * Whether an error means "the database is not reachable right now" (a restart, a failover), as
 * opposed to a fault of the request: such a request is answered with a typed "try again".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // A bulk write (insertMany) that lost its connection reports the network error as its response.
  if (error instanceof MongoBulkWriteError && error.errorResponse instanceof Error && isDatabaseUnavailable(error.errorResponse)) return true;
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError || error instanceof MongoNotConnectedError || error instanceof MongoTopologyClosedError) return true;
  if (error instanceof Error && /ServerSelectionError|PoolClearedError/.test(error.name)) return true;
  // The driver lets a socket error through unwrapped when the server closed the connection
  // under a command being written; a resolver's only sockets lead to the database.
  if (error instanceof Error && SOCKET_GONE.has((error as NodeJS.ErrnoException).code ?? '')) return true;
  // Mongoose gives up waiting for a connection that is being re-established.
  if (error instanceof mongoose.Error && /buffering timed out/.test(error.message)) return true;
  // PostgreSQL ended the write as a deadlock with another one: nothing was done, and trying again works.
  if (error instanceof Error && /deadlock detected/i.test(error.message)) return true;
  if (!(error instanceof MongoError)) return false;
  if (error.hasErrorLabel('ResetPool') || error.hasErrorLabel('RetryableWriteError')) return true;
  if (typeof error.code === 'number' && UNAVAILABLE_CODES.has(error.code)) return true;
  return error.code === 1 && BACKEND_DOWN.test(error.message);
}
