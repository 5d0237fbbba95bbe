import { describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql.ts';
import { type Case, coercion, corpus, errorCase, MiB, type OperationName, title } from '../helpers/hostile-corpus.ts';
import { describeAftermath, runCase } from '../helpers/hostile-run.ts';
import { globalId, OPERATIONS, useHostileWorld } from '../helpers/hostile-world.ts';

/*
 * The hostile-input corpus (test/helpers/hostile-corpus.ts says what it is and what every input
 * must end in) thrown at every argument of the queries. The mutations have their own file.
 */

useHostileWorld();

const pageCases = (op: OperationName, argument = 'first'): Case[] => [
  errorCase(op, argument, '-1', -1, ['BAD_USER_INPUT'], argument),
  errorCase(op, argument, '51 (above the maximum page)', 51, ['BAD_USER_INPUT'], argument),
  errorCase(op, argument, 'the largest Int', 2147483647, ['BAD_USER_INPUT'], argument),
  errorCase(op, argument, 'the smallest Int', -2147483648, ['BAD_USER_INPUT'], argument),
  coercion(op, argument, '1e12', 1e12),
  coercion(op, argument, '1.5', 1.5),
  coercion(op, argument, 'a numeric string', '10'),
  coercion(op, argument, 'an operator object', { $gt: 0 }),
];

const QUERY_CASES: Record<string, Case[]> = {
  experts: [
    ...corpus('experts', 'filter.query', 'search'),
    ...corpus('experts', 'filter.place', 'slugArg'),
    ...corpus('experts', 'filter.organization', 'slugArg'),
    ...corpus('experts', 'filter.specialty', 'slugArg'),
    ...corpus('experts', 'filter.cohort', 'slugArg'),
    ...corpus('experts', 'after', 'cursor'),
    coercion('experts', 'filter.role', 'a lower-case role', 'admin'),
    coercion('experts', 'filter.role', 'an operator object for the role', { $ne: null }),
    coercion('experts', 'filter', 'an array for the filter', [{ place: 'da-nang' }]),
    coercion('experts', 'filter.$where', 'an operator as a filter field', '1 == 1'),
    ...pageCases('experts'),
    ...pageCases('experts', 'last'),
    {
      op: 'experts',
      at: 'first',
      label: 'an inline 1e12 literal',
      value: undefined,
      document: `{ experts(first: 1000000000000) { totalCount } }`,
      expect: { kind: 'error', codes: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COSTLY'] },
    },
  ],
  organizations: [
    ...corpus('organizations', 'filter.query', 'search'),
    ...corpus('organizations', 'filter.place', 'slugArg'),
    coercion('organizations', 'filter.includeFormer', 'a string for a boolean', 'yes'),
    coercion('organizations', 'filter.includeFormer', 'a number for a boolean', 1),
    coercion('organizations', 'filter.kinds', 'an unknown kind', ['$gt']),
    coercion('organizations', 'filter.kinds', 'an operator object for the kinds', { $in: ['MINISTRY'] }),
    ...pageCases('organizations'),
  ],
  place: [
    ...corpus('place', 'code', 'slugArg'),
    {
      op: 'place',
      at: 'code',
      label: 'a 1 MiB inline literal',
      value: undefined,
      document: `{ place(code: "${MiB}") { name } }`,
      expect: { kind: 'error', codes: ['BAD_USER_INPUT'], argument: 'code' },
    },
    { op: 'place', at: 'code', label: 'an inline number', value: undefined, document: `{ place(code: 123) { name } }`, expect: { kind: 'error', codes: ['GRAPHQL_VALIDATION_FAILED'] } },
  ],
  topic: [...corpus('topic', 'slug', 'slugArg')],
  organization: [...corpus('organization', 'slug', 'slugArg')],
  expert: [...corpus('expert', 'handle', 'handleArg')],
  node: [
    errorCase('node', 'id', 'operator "$gt"', '$gt', ['BAD_USER_INPUT'], 'id'),
    errorCase('node', 'id', 'an Expert ID whose key is an operator', globalId('Expert', '{"$ne":null}'), ['NOT_FOUND'], 'id'),
    errorCase('node', 'id', 'a Place ID whose key is an operator', globalId('Place', '{"$ne":null}'), ['NOT_FOUND'], 'id'),
    errorCase('node', 'id', 'an ID of a type that does not exist', globalId('Nope', '1'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B4'),
    coercion('node', 'id', 'an operator object', { $ne: null }),
  ],
  verificationRequests: [
    ...pageCases('verificationRequests'),
    ...corpus('verificationRequests', 'after', 'cursor'),
    coercion('verificationRequests', 'status', 'a lower-case status', 'pending'),
    coercion('verificationRequests', 'status', 'an operator object for the status', { $ne: null }),
  ],
  auditLog: [
    ...pageCases('auditLog'),
    errorCase('auditLog', 'subject', 'operator "$gt"', '$gt', ['BAD_USER_INPUT']),
    errorCase('auditLog', 'subject', 'an Expert ID whose key is an operator', globalId('Expert', '{"$ne":null}'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B6'),
    errorCase('auditLog', 'subject', 'an Expert ID whose key is "$gt"', globalId('Expert', '$gt'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B6'),
    errorCase('auditLog', 'subject', 'a Place ID', globalId('Place', 'da-nang'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B4'),
    coercion('auditLog', 'subject', 'an operator object', { $ne: null }),
  ],
};

/* The tests. The searches expect to find nobody among the long-lived personas. */

describe('Search text stays text', () => {
  it('finds a long-lived persona by a plain word, so "matches nobody" below means something', async () => {
    const experts = await graphql(OPERATIONS.experts.document, { filter: { query: 'thu' } });
    expect(experts.data.experts.totalCount).toBe(1);
    const organizations = await graphql(OPERATIONS.organizations.document, { filter: { query: 'khoa hoc' } });
    expect(organizations.data.organizations.totalCount).toBeGreaterThan(0);
  });
});

describe.each(Object.entries(QUERY_CASES))('query %s', (_op, cases) => {
  it.each(cases.map((c) => ({ ...c, title: title(c) })))('$title', (c) => runCase(c, false));
});

describeAftermath(Object.values(QUERY_CASES).flat());
