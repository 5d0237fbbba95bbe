import { GraphQLError } from 'graphql';

/*
 * The one catalogue of expected errors. Each carries a stable UPPER_SNAKE `extensions.code`.
 * Thrown from a query field, one arrives in `errors`; mutations list the ones they can end in,
 * and those arrive as typed results (see schema/error/types.ts). Anything else is unexpected and
 * masked before it reaches a client.
 */

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'VALIDATION_FAILED' | 'NOT_AUTHORIZED' | 'INVALID_CREDENTIALS' | 'SUSPENDED' | 'RATE_LIMITED' | 'CONFLICT' | 'UNAVAILABLE';

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = new.target.name;
    this.code = code;
  }
}

/** An argument that cannot be used as given; `argument` names it (a dotted path for inputs). */
export class InvalidArgumentError extends AppError {
  constructor(argument: string, message: string) {
    super(`Invalid argument "${argument}": ${message}`, 'BAD_USER_INPUT', { argument });
  }
}

/** Nothing with this identifier exists (or the viewer may not know that it does). */
export class NotFoundError extends AppError {
  constructor(argument: string, what: string, value: string) {
    super(`No ${what} matches ${argument} "${value.slice(0, 100)}".`, 'NOT_FOUND', { argument });
  }
}

/** One problem with one input field: `path` is the field's name (dotted for nested fields). */
export interface FieldError {
  path: string;
  /** Stable, for the client to translate: TOO_SHORT, TOO_LONG, INVALID, REQUIRED, TAKEN, WRONG… */
  code: string;
  message: string;
}

/** Input that breaks a rule; nothing was changed. */
export class ValidationError extends AppError {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ') || 'The input is not valid.', 'VALIDATION_FAILED', { fieldErrors });
  }

  static field(path: string, code: string, message: string) {
    return new ValidationError([{ path, code, message }]);
  }
}

/** The viewer may not do this (or must sign in first). */
export class NotAuthorizedError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super(message, 'NOT_AUTHORIZED');
  }
}

/** Wrong email or password; deliberately does not say which. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super('The email or the password is wrong.', 'INVALID_CREDENTIALS');
  }
}

/** The account is suspended: says why and until when. */
export class SuspendedError extends AppError {
  constructor(
    readonly reason: string,
    readonly until: Date,
  ) {
    super(`This account is suspended until ${until.toISOString()}: ${reason}`, 'SUSPENDED', { reason, until: until.toISOString() });
  }
}

/** Too many attempts; try again after `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`, 'RATE_LIMITED', { retryAfterSeconds });
  }
}

/** The request does not fit the current state (e.g. a request already pending). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

/** The database is down for a moment (e.g. restarting): nothing was done, and trying again will work. */
export class UnavailableError extends AppError {
  constructor() {
    super('The service is briefly unavailable; nothing was changed. Please try again in a few seconds.', 'UNAVAILABLE', { retryAfterSeconds: 5 });
  }
}

/** The value, or a NotFoundError naming the argument that looked it up. */
export function found<T>(value: T | null | undefined, argument: string, what: string, key: string): T {
  if (value === null || value === undefined) throw new NotFoundError(argument, what, key);
  return value;
}
