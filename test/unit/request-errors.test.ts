import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, isOutage, responseError } from '../../web/src/lib/graphql-client.ts';
import { outage, recovered, requestFinished, requestStarted } from '../../web/src/lib/outage.ts';

/*
 * How the web app reads a failed answer (web/src/lib/graphql-client.ts): an outage is what the
 * pages must never show as "signed out" or "nothing here", so which answers are outages is
 * decided in one place, tested here.
 */

const unavailable = { errors: [{ message: 'briefly unavailable', extensions: { code: 'UNAVAILABLE', retryAfterSeconds: 5 } }] };

describe('responseError', () => {
  it('reads the API’s UNAVAILABLE as an outage, with the wait it suggests', () => {
    const error = responseError(200, unavailable);
    expect(isOutage(error)).toBe(true);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 5 });
  });

  it('reads any 5xx as an outage, whatever its body says, and takes the wait from Retry-After', () => {
    for (const status of [500, 502, 503, 504]) {
      expect(responseError(status, undefined)?.code, `HTTP ${status}`).toBe('UNAVAILABLE');
    }
    expect(responseError(503, undefined, '30')?.retryAfterSeconds).toBe(30);
    // A date, or anything else, is not a number of seconds: no wait is promised.
    expect(responseError(503, undefined, 'Wed, 21 Oct 2015 07:28:00 GMT')?.retryAfterSeconds).toBeUndefined();
    expect(responseError(503, undefined, '-4')?.retryAfterSeconds).toBeUndefined();
    expect(responseError(500, { errors: [{ message: 'masked', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })?.code).toBe('UNAVAILABLE');
  });

  it('keeps an expected error’s code and argument, which are not outages', () => {
    const error = responseError(200, { errors: [{ message: 'no such expert', extensions: { code: 'NOT_FOUND', argument: 'handle' } }] });
    expect(error).toMatchObject({ code: 'NOT_FOUND', argument: 'handle' });
    expect(isOutage(error)).toBe(false);
    expect(isOutage(responseError(200, { errors: [{ message: 'oops' }] }))).toBe(false);
  });

  it('says BAD_RESPONSE for a 4xx or an answer without data, and nothing for data', () => {
    expect(responseError(404, undefined)?.code).toBe('BAD_RESPONSE');
    expect(responseError(200, { data: null })?.code).toBe('BAD_RESPONSE');
    // A hostile or broken body (errors not a list) is not read as an error list.
    expect(responseError(200, { errors: 'nope' } as never)?.code).toBe('BAD_RESPONSE');
    expect(responseError(200, { data: { viewer: null } })).toBeUndefined();
  });

  it('reads a failure to reach the server as an outage', () => {
    expect(isOutage(new GraphQLRequestError('unreachable', 'NETWORK_ERROR'))).toBe(true);
    expect(isOutage(new Error('NETWORK_ERROR'))).toBe(false);
  });
});

describe('outage', () => {
  const down = new GraphQLRequestError('down', 'UNAVAILABLE');

  it('stays until a request started after it gets an answer, then counts a recovery', () => {
    const before = requestStarted();
    const failing = requestStarted();
    requestFinished(failing, down);
    expect(outage()).toBe(down);

    // An answer to a request sent before the outage began says nothing about it now.
    requestFinished(before, undefined);
    expect(outage()).toBe(down);

    const recoveriesBefore = recovered();
    const retried = requestStarted();
    requestFinished(retried, undefined);
    expect(outage()).toBeUndefined();
    expect(recovered()).toBe(recoveriesBefore + 1);
  });
});
