import { z } from 'zod';

/*
 * Input rules shared by many arguments. Reference codes and slugs are short ASCII words; free
 * text filters are bounded and free of control characters.
 */
export const slugArg = z.string().min(1, 'must not be empty').max(80, 'is too long').regex(/^[a-z0-9][a-z0-9._-]*$/, 'is not a valid code');

// eslint-disable-next-line no-control-regex
export const searchTextArg = z.string().max(200, 'must be at most 200 characters').regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'contains control characters');
