import type { ReplyDoc } from '../discussion/service.ts';
import { noteHelpdeskAnswer } from '../helpdesk/service.ts';
import { publishReply } from '../live/events.ts';
import { notifyOfReply } from '../notification/producers.ts';
import { countForPractice } from './practice-discussion-count.ts';

/**
 * What a reply causes once people can read it: posted by a member whose posts show at once, or a
 * new member's approved by a moderator. A practice's discussion counts it ("most discussed"),
 * open pages of the thread show it, those it concerns are notified, and the assigned group's
 * first answer to a help-desk request answers the request.
 */
export async function announceReply(reply: ReplyDoc): Promise<void> {
  await countForPractice(reply, 1);
  publishReply(reply);
  await notifyOfReply(reply);
  await noteHelpdeskAnswer(reply);
}
