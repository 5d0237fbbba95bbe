import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../schema/print.ts';

describe('Printed schema', () => {
  it('matches schema/schema.graphql, so the web app types against the real API (run `npm run schema` when it drifts)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printedSchema()).toBe(committed);
  });
});
