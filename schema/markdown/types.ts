import { z } from 'zod';
import { builder } from '../builder.ts';
import { renderText } from './pool.ts';
import { MARKDOWN_MAX } from '../field-limits.ts';

builder.queryFields((t) => ({
  previewMarkdown: t.string({
    description: 'The safe HTML the one renderer makes of a markdown text: the editor’s live preview.',
    args: { text: t.arg.string({ required: true, validate: z.string().max(MARKDOWN_MAX, `must be at most ${MARKDOWN_MAX} characters`) }) },
    // Off the event loop (./pool.ts); the size cap above and the previews budget (schema/limits.ts) bound the work.
    resolve: async (_, { text }) => (await renderText(text)).html,
  }),
}));
