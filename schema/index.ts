import { builder } from './builder.ts';
import './error/types.ts';
import './cohort/types.ts';
import './expert/types.ts';
import './organization/types.ts';
import './place/types.ts';
import './topic/types.ts';
import './account/types.ts';
import './session/types.ts';
import './verification/types.ts';
import './moderation/types.ts';
import './audit/types.ts';
import './practice/types.ts';
import './markdown/types.ts';
import './reaction/types.ts';
import './discussion/types.ts';
import './search/types.ts';

export const schema = builder.toSchema({ sortSchema: true });
