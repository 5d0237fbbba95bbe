import { z } from 'zod';
import { ValidationError, type FieldError } from './errors.ts';
import { ACCOUNT_LIMITS, CODE_MAX, SEARCH_LIMITS, WEB_ADDRESS_MAX } from './field-limits.ts';

/*
 * Input rules shared by many arguments and inputs. Reference codes and slugs are short ASCII
 * words; text is NFC, trimmed, bounded and free of control characters (FerretDB cannot store
 * NUL, and nothing legitimate needs the others).
 */

/** A document id as this API writes it: a MongoDB ObjectId in 24 lowercase hex digits. */
export const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Whether a value can be a document id; anything else names nothing, so lookups skip it. */
export const isObjectId = (value: unknown): value is string => typeof value === 'string' && OBJECT_ID.test(value);

/** An input field holding a document id. */
export const objectId = z.string().regex(OBJECT_ID, 'INVALID');

export const slugArg = z
  .string()
  .min(1, 'must not be empty')
  .max(CODE_MAX, 'is too long')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'is not a valid code');

// C0 (but tab and line breaks), DEL, C1, and the bidirectional overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Line breaks, which single-line fields refuse. */
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/**
 * Characters that show nothing: format characters (zero-width space and joiners, word joiner,
 * tags, soft hyphen…), the default-ignorable ones (Hangul fillers, variation selectors…), and
 * the braille blank, which is neither but is used as an invisible letter.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

export const searchTextArg = z
  .string()
  .max(SEARCH_LIMITS.text, `must be at most ${SEARCH_LIMITS.text} characters`)
  .refine((s) => !CONTROL.test(s) && s.isWellFormed(), 'contains control characters or broken Unicode');

/**
 * Free text a person writes: NFC, trimmed, between `min` and `max` characters. Single-line text
 * (titles, labels, positions, reasons) loses its invisible characters, so that a title cannot
 * hide words from search or look empty; they are often pasted along (soft hyphens), so they are
 * dropped rather than refused. Markdown keeps them: it is rendered and sanitised.
 */
export function text(min: number, max: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(max * 4 + 100, 'TOO_LONG') // cheap early stop before normalising a huge string
    .refine((s) => s.isWellFormed(), 'INVALID')
    .transform((s) => s.normalize('NFC').trim())
    .refine((s) => !CONTROL.test(s) && (options.multiline || !LINE_BREAK.test(s)), 'INVALID')
    .transform((s) => (options.multiline || !INVISIBLE.test(s) ? s : s.replace(INVISIBLE_ALL, '').normalize('NFC').trim()))
    .refine((s) => s.length >= min, min <= 1 ? 'REQUIRED' : 'TOO_SHORT')
    .refine((s) => s.length <= max, 'TOO_LONG');
}

/*
 * A person's name is how others recognise them, so it must show every character it holds:
 * nothing invisible, no controls, no private-use or unassigned code points, and at most two
 * combining marks on a letter (NFC Vietnamese needs none, decomposed Vietnamese two: e + ̂ + ̃).
 * Each rule has its own code, so the person learns what to fix.
 */
const { nameMin: NAME_MIN, name: NAME_MAX } = ACCOUNT_LIMITS;
const MAX_MARKS_PER_LETTER = 2;
const NAME_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;
const PRIVATE_USE = /\p{Co}/u;
const UNASSIGNED = /\p{Cn}/u;
/** A run of more marks than a letter may carry, or a mark with no letter or digit to sit on. */
const MARK_PILE = new RegExp(`\\p{M}{${MAX_MARKS_PER_LETTER + 1},}|(?<![\\p{L}\\p{N}\\p{M}])\\p{M}`, 'u');

export type NameRule = 'INVALID' | 'CONTROL_CHARACTER' | 'INVISIBLE_CHARACTER' | 'PRIVATE_USE_CHARACTER' | 'UNASSIGNED_CHARACTER' | 'TOO_MANY_MARKS' | 'TOO_SHORT' | 'TOO_LONG';

/** The name as stored (NFC, spaces collapsed to one U+0020), or the first rule it breaks. */
export function checkName(raw: string): { name: string } | { rule: NameRule } {
  if (raw.length > NAME_MAX * 4 + 100) return { rule: 'TOO_LONG' };
  if (!raw.isWellFormed()) return { rule: 'INVALID' };
  const nfc = raw.normalize('NFC');
  // Line breaks and tabs around the name are pasted along, not part of it.
  if (NAME_CONTROL.test(nfc.trim())) return { rule: 'CONTROL_CHARACTER' };
  if (INVISIBLE.test(nfc)) return { rule: 'INVISIBLE_CHARACTER' };
  if (PRIVATE_USE.test(nfc)) return { rule: 'PRIVATE_USE_CHARACTER' };
  if (UNASSIGNED.test(nfc)) return { rule: 'UNASSIGNED_CHARACTER' };
  // No-break, ideographic and other spaces look like a space: store one, so that only the
  // letters tell two names apart.
  const name = nfc.replace(/\s+/gu, ' ').trim();
  if (MARK_PILE.test(name)) return { rule: 'TOO_MANY_MARKS' };
  if (name.length < NAME_MIN) return { rule: 'TOO_SHORT' };
  if (name.length > NAME_MAX) return { rule: 'TOO_LONG' };
  if (!/\p{L}/u.test(name)) return { rule: 'INVALID' };
  return { name };
}

/** A person's display name, checked by `checkName`; one error code per refusal. */
export const personName = z.string().transform((raw, ctx) => {
  const checked = checkName(raw);
  if ('name' in checked) return checked.name;
  ctx.addIssue({ code: 'custom', message: checked.rule });
  return z.NEVER;
});

export const slug = z
  .string()
  .max(CODE_MAX, 'TOO_LONG')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'INVALID');

export const email = z
  .string()
  .max(ACCOUNT_LIMITS.email, 'TOO_LONG')
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.email('INVALID'));

export const password = z
  .string()
  .min(ACCOUNT_LIMITS.passwordMin, 'TOO_SHORT')
  .max(ACCOUNT_LIMITS.password, 'TOO_LONG')
  .refine((s) => s.isWellFormed() && !CONTROL.test(s), 'INVALID');

export const webAddress = z
  .string()
  .max(WEB_ADDRESS_MAX, 'TOO_LONG')
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
  CONTROL_CHARACTER: 'contains control characters',
  INVISIBLE_CHARACTER: 'contains invisible characters',
  PRIVATE_USE_CHARACTER: 'contains private-use characters',
  UNASSIGNED_CHARACTER: 'contains characters Unicode has not assigned',
  TOO_MANY_MARKS: 'stacks too many accents on one letter',
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
