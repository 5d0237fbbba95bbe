import { GraphQLError } from 'graphql';

/*
 * The one catalogue of expected errors. Each carries a stable UPPER_SNAKE `extensions.code`;
 * anything that is not one of these is unexpected and is masked before it reaches a client.
 */

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND';

export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = new.target.name;
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

/** The value, or a NotFoundError naming the argument that looked it up. */
export function found<T>(value: T | null | undefined, argument: string, what: string, key: string): T {
  if (value === null || value === undefined) throw new NotFoundError(argument, what, key);
  return value;
}
