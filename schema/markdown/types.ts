import { z } from 'zod';
import { builder } from '../builder.ts';
import { MAX_MARKDOWN_LENGTH, renderMarkdown } from './render.ts';

builder.queryFields((t) => ({
  previewMarkdown: t.string({
    description: 'The safe HTML the one renderer makes of a markdown text: the editor’s live preview.',
    args: { text: t.arg.string({ required: true, validate: z.string().max(MAX_MARKDOWN_LENGTH, `must be at most ${MAX_MARKDOWN_LENGTH} characters`) }) },
    resolve: (_, { text }) => renderMarkdown(text),
  }),
}));
