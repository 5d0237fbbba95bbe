import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/db/availability.ts';

const { MongoBulkWriteError, MongoServerError, MongoNetworkError } = mongoose.mongo;
const serverError = (code: number, errmsg: string) => new MongoServerError({ ok: 0, code, errmsg });
const socketError = (code: string) => Object.assign(new Error('This socket has been ended by the other party'), { code });

describe('Database availability', () => {
  it('calls a dropped or refused connection unavailable', () => {
    expect(isDatabaseUnavailable(new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'))).toBe(true);
    expect(isDatabaseUnavailable(socketError('EPIPE'))).toBe(true);
  });

  it('calls an insertMany that lost its connection unavailable, and one refused for its documents not', () => {
    const lost = new MongoBulkWriteError(new MongoNetworkError('connection 26 to 127.0.0.1:36051 closed'), { insertedCount: 0 } as never);
    expect(isDatabaseUnavailable(lost)).toBe(true);
    const duplicate = new MongoBulkWriteError({ message: 'E11000 duplicate key error', code: 11000, writeErrors: [] }, { insertedCount: 0 } as never);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
  });

  it("calls FerretDB's report of a PostgreSQL that is down or starting unavailable", () => {
    expect(isDatabaseUnavailable(serverError(1, 'write failed: write unix @->/x/.s.PGSQL.5432: write: broken pipe'))).toBe(true);
    expect(isDatabaseUnavailable(serverError(1, 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(serverError(1, 'the database system is not yet accepting connections'))).toBe(true);
  });

  it('calls a write PostgreSQL ended as a deadlock unavailable (it did nothing; trying again works)', () => {
    expect(isDatabaseUnavailable(serverError(16908292, 'deadlock detected'))).toBe(true);
  });

  it('calls a MongoDB primary stepping down or shutting down unavailable', () => {
    expect(isDatabaseUnavailable(serverError(91, 'The server is in quiesce mode and will shut down'))).toBe(true);
    expect(isDatabaseUnavailable(serverError(10107, 'not primary'))).toBe(true);
  });

  it('leaves faults of the request itself to be handled as they are', () => {
    expect(isDatabaseUnavailable(serverError(11000, 'E11000 duplicate key error'))).toBe(false);
    expect(isDatabaseUnavailable(serverError(1, 'invalid $sort value'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable('broken pipe')).toBe(false);
  });
});
