import { z } from 'zod';
import { ValidationError, type FieldError } from './errors.ts';

/*
 * Input rules shared by many arguments and inputs. Reference codes and slugs are short ASCII
 * words; text is NFC, trimmed, bounded and free of control characters (FerretDB cannot store
 * NUL, and nothing legitimate needs the others).
 */

export const slugArg = z.string().min(1, 'must not be empty').max(80, 'is too long').regex(/^[a-z0-9][a-z0-9._-]*$/, 'is not a valid code');

// C0 (but tab and line breaks), DEL, C1, and the bidirectional overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Line breaks, which single-line fields refuse. */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

export const searchTextArg = z
  .string()
  .max(200, 'must be at most 200 characters')
  .refine((s) => !CONTROL.test(s) && s.isWellFormed(), 'contains control characters or broken Unicode');

/** Free text a person writes: NFC, trimmed, between `min` and `max` characters. */
export function text(min: number, max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(max * 4 + 100, 'TOO_LONG') // cheap early stop before normalising a huge string
    .refine((s) => s.isWellFormed(), 'INVALID')
    .transform((s) => s.normalize('NFC').trim())
    .refine((s) => !CONTROL.test(s) && (options.multiline || !LINE_BREAK.test(s)), 'INVALID')
    .refine((s) => s.length >= min, min <= 1 ? 'REQUIRED' : 'TOO_SHORT')
    .refine((s) => s.length <= max, 'TOO_LONG');
}

export const slug = z.string().max(80, 'TOO_LONG').regex(/^[a-z0-9][a-z0-9._-]*$/, 'INVALID');

export const email = z
  .string()
  .max(254, 'TOO_LONG')
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.email('INVALID'));

export const password = z.string().min(10, 'TOO_SHORT').max(128, 'TOO_LONG').refine((s) => s.isWellFormed() && !CONTROL.test(s), 'INVALID');

export const webAddress = z
  .string()
  .max(300, 'TOO_LONG')
  .refine((s) => s.isWellFormed() && !CONTROL.test(s) && !LINE_BREAK.test(s) && !/\s/.test(s.trim()), 'INVALID')
  .trim()
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'INVALID');

const messages: Record<string, string> = {
  REQUIRED: 'is required',
  TOO_SHORT: 'is too short',
  TOO_LONG: 'is too long',
  INVALID: 'is not valid',
};

/**
 * Parses a mutation's input, or throws one ValidationError listing every field at fault with a
 * stable code (the client translates codes; the message is a fallback).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => {
    const code = /^[A-Z_]+$/.test(issue.message) ? issue.message : issue.code === 'too_big' ? 'TOO_LONG' : issue.code === 'too_small' ? 'TOO_SHORT' : 'INVALID';
    const path = issue.path.map(String).join('.') || 'input';
    return { path, code, message: `${path} ${messages[code] ?? 'is not valid'}` };
  });
  throw new ValidationError(fieldErrors);
}
