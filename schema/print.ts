// Writes schema/schema.graphql from the code-first schema (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.ts';

export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('./schema.graphql', import.meta.url), printedSchema());
  console.log('schema/schema.graphql written');
}
