import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { paginate, type PageArgs } from '../connection.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { MESSAGE_LIMITS, STAFF_LIMITS } from '../field-limits.ts';
import { createOnce } from '../mark.ts';
import { objectId, parseInput, text } from '../validation.ts';
import { Message, MessageReport, messageReportReasons, type MessageDoc, type MessageReportDoc } from './model.ts';
import { canHandleReports } from './policy.ts';
import { messageForParticipant } from './service.ts';

export type { MessageReportDoc };

/*
 * Reports: the one door through which staff read a private message. A participant reports a
 * message of someone else with a reason; moderators then read it (and the few messages before it,
 * for context) in their queue, and hide it or keep it, each decision audited. Nothing else of
 * the conversation reaches them.
 */

export const reportMessageInput = z.object({
  messageId: objectId,
  reason: z.enum(messageReportReasons),
  note: text(0, MESSAGE_LIMITS.reportNote, { multiline: true }).default('').describe('Required when the reason is OTHER.'),
});

/** A participant reports someone else's message; a second report of theirs counts once (`counted: false`). */
export async function reportMessage(ctx: Context, input: unknown): Promise<{ counted: boolean; report: MessageReportDoc }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(reportMessageInput, input);
  if (data.reason === 'other' && data.note.length < 3) throw ValidationError.field('note', 'REQUIRED', 'say what is wrong when the reason is "other"');
  const { message } = await messageForParticipant(viewer, data.messageId);
  if (String(message.author) === viewer.id) throw new NotAuthorizedError('Nobody reports their own message.');
  const fields = { message: message._id, reporter: viewer.id };
  const created = await createOnce<MessageReportDoc>(MessageReport, {
    ...fields,
    conversation: message.conversation,
    author: message.author,
    reason: data.reason,
    note: data.note,
  });
  const report = created ?? (await MessageReport.findById(String(new MessageReport(fields)._id)).lean<MessageReportDoc>())!;
  return { counted: Boolean(created), report };
}

/** Moderators' queue of message reports: open ones newest first (or, with `decided`, those decided). */
export const listMessageReports = (state: 'open' | 'hidden' | 'dismissed', page: PageArgs) =>
  paginate<MessageReportDoc>(
    MessageReport,
    { state },
    [
      { field: 'createdAt', kind: 'date', direction: -1 },
      { field: '_id', kind: 'string', direction: -1 },
    ],
    page,
  );

export const countOpenMessageReports = () => MessageReport.countDocuments({ state: 'open' });

export const decideMessageReportInput = z.object({ reportId: z.string().max(120, 'TOO_LONG'), reason: text(STAFF_LIMITS.reasonMin, STAFF_LIMITS.reason) });

/**
 * A moderator hides a reported message (its text shows to nobody any more) or keeps it; every
 * open report of that message closes with the decision, which the audit log keeps.
 */
export async function decideMessageReport(ctx: Context, input: unknown, hide: boolean): Promise<MessageReportDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(decideMessageReportInput, input);
  if (!canHandleReports(viewer)) throw new NotAuthorizedError('Only moderators do this.');
  const report = await MessageReport.findById(data.reportId).lean<MessageReportDoc>();
  if (!report) throw new NotFoundError('reportId', 'message report', data.reportId);
  if (report.state !== 'open') throw new ConflictError('This report was decided already.');
  const at = new Date();
  if (hide) await Message.updateOne({ _id: report.message, hiddenAt: null }, { $set: { hiddenAt: at } });
  const state = hide ? 'hidden' : 'dismissed';
  const closed = await MessageReport.updateMany({ message: report.message, state: 'open' }, { $set: { state, decidedBy: viewer.id, decidedAt: at, decisionReason: data.reason } });
  if (!closed.modifiedCount) throw new ConflictError('This report was decided already.');
  await record(hide ? 'message.hidden' : 'message.report-dismissed', viewer.id, report.author, { reason: data.reason, to: String(report.message) });
  return (await MessageReport.findById(report._id).lean<MessageReportDoc>())!;
}

/** The reported messages themselves, for the queue (moderators only reach them). */
export const reportedMessages = (ids: readonly string[]) => Message.find({ _id: { $in: ids } }).lean<MessageDoc[]>();
