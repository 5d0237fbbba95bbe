import { builder } from '../builder.ts';
import { type AppError, ConflictError, InvalidCredentialsError, NotAuthorizedError, NotFoundError, RateLimitedError, SuspendedError, ValidationError, type FieldError } from '../errors.ts';

/*
 * The typed error results of mutations. Every one implements `Error { message code }`, so a
 * client can always show something, and asks for the details of those it handles.
 */

const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.string({ description: 'Stable UPPER_SNAKE code.', resolve: (error) => error.code }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One problem with one input field.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The input field, dotted for nested fields (e.g. "links.0.url").' }),
    code: t.exposeString('code', { description: 'REQUIRED, TOO_SHORT, TOO_LONG, INVALID, TAKEN, WRONG, UNKNOWN…' }),
    message: t.exposeString('message'),
  }),
});

const simpleError = (cls: new (...args: any[]) => AppError, name: string, description: string) =>
  builder.objectType(cls, { name, description, interfaces: [ErrorInterface], isTypeOf: (value) => value instanceof cls, fields: () => ({}) });

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input breaks a rule; nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.fieldErrors }) }),
});

builder.objectType(SuspendedError, {
  name: 'SuspendedError',
  description: 'The account is suspended.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SuspendedError,
  fields: (t) => ({
    reason: t.exposeString('reason'),
    until: t.field({ type: 'DateTime', resolve: (error) => error.until }),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: 'Too many attempts.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

simpleError(NotAuthorizedError, 'NotAuthorizedError', 'The viewer may not do this, or must sign in first.');
simpleError(InvalidCredentialsError, 'InvalidCredentialsError', 'The email or the password is wrong.');
simpleError(NotFoundError, 'NotFoundError', 'Nothing matches the given identifier.');
simpleError(ConflictError, 'ConflictError', 'The request does not fit the current state.');

/** What any write can end in besides its own errors. */
export const writeErrors = [ValidationError, NotAuthorizedError, RateLimitedError];
