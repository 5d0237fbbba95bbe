import { builder } from './builder.ts';
import './cohort/types.ts';
import './expert/types.ts';
import './organization/types.ts';
import './place/types.ts';
import './topic/types.ts';

export const schema = builder.toSchema({ sortSchema: true });
