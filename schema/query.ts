import mongoose from 'mongoose';

/*
 * sanitizeFilter is on, so mongoose neutralises any `$` operator object it did not build itself.
 * Filters built here from typed, validated values are marked trusted; nothing a client sends is
 * ever passed through these. (Typed `any` so they fit any field's filter type.)
 */

export const anyOf = <T>(values: readonly T[]): any => mongoose.trusted({ $in: values });
export const noneOf = <T>(values: readonly T[]): any => mongoose.trusted({ $nin: values });
export const greaterThan = (value: unknown): any => mongoose.trusted({ $gt: value });
export const notEqual = (value: unknown): any => mongoose.trusted({ $ne: value });
export const lessThan = (value: unknown): any => mongoose.trusted({ $lt: value });

/** Matches array elements that start with `prefix` (anchored, so an index can serve it). */
export const startsWith = (prefix: string): any => mongoose.trusted({ $regex: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` });
