import { Schema, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

/**
 * How far a member has read a thread: when they last had it open and how many of its replies it
 * had then. Private to them; thread lists mark what came after it ("3 mới") and the thread page
 * offers to jump to the first reply written since.
 */
const threadReadingSchema = new Schema(
  {
    _id: keyedId(['reader', 'thread']),
    reader: { type: Schema.Types.ObjectId, required: true },
    thread: { type: Schema.Types.ObjectId, required: true },
    readAt: { type: Date, required: true },
    seenReplyCount: { type: Number, required: true },
  },
  { versionKey: false },
);

export type ThreadReadingDoc = InferSchemaType<typeof threadReadingSchema> & { _id: string };
export const ThreadReading = model('ThreadReading', threadReadingSchema);
