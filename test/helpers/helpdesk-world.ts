// Help-desk records for the authorization matrices: a request in a given state, its question, answer and FAQ entry.
import { Reply, Thread } from '../../schema/discussion/model.ts';
import { Group, GroupMember } from '../../schema/group/model.ts';
import { FaqEntry, HelpdeskRequest } from '../../schema/helpdesk/model.ts';
import { globalId } from './accounts.ts';
import { createExpert } from './factories.ts';

export const HELPDESK_GROUP = 'nhom-an-toan-an-ninh-mang';

let serial = 0;

/** The cybersecurity group with one responder (groups are reference data: made once per file). */
async function responder(): Promise<string> {
  if (!(await Group.findById(HELPDESK_GROUP).lean())) {
    await Group.create({ _id: HELPDESK_GROUP, kind: 'expert', name: 'Nhóm an toàn, an ninh mạng', nameEn: 'Cybersecurity group', discussionAccess: 'public', order: 3 });
  }
  const expert = await createExpert({ handle: `tra.loi.${++serial}` });
  await new GroupMember({ group: HELPDESK_GROUP, expert: expert._id, role: 'member' }).save();
  return String(expert._id);
}

/** A request asked by `askerId` (someone else's when not given), in `status`; answered ones have an accepted answer; `faq` publishes it. */
export async function helpdeskRequest(status: 'new' | 'assigned' | 'answered' | 'closed', options: { askerId?: string; faq?: boolean } = {}) {
  const asker = options.askerId ?? String((await createExpert({ handle: `nguoi.hoi.${++serial}` }))._id);
  const assignee = await responder();
  const openedAt = new Date(Date.now() - 3 * 86_400_000);
  const thread = await Thread.create({ kind: 'question', title: `Câu hỏi gửi bộ phận giải đáp ${serial}`, author: asker, lastActivityAt: openedAt });
  const answered = status === 'answered' || status === 'closed';
  const reply = answered ? await Reply.create({ thread: thread._id, depth: 0, author: assignee, body: 'Trả lời của nhóm an toàn thông tin.' }) : null;
  if (reply) await Thread.updateOne({ _id: thread._id }, { $set: { acceptedReply: reply._id, replyCount: 1 } });
  const id = String(thread._id);
  await HelpdeskRequest.create({
    _id: id,
    asker,
    organization: 'so-khcn-da-nang',
    status,
    group: status === 'new' ? null : HELPDESK_GROUP,
    assignee: status === 'new' ? null : assignee,
    openedAt,
    month: openedAt.toISOString().slice(0, 7),
    firstResponseAt: answered ? new Date() : null,
    closedAt: status === 'closed' ? new Date() : null,
    history: [{ kind: 'opened', actor: asker, at: openedAt }],
  });
  if (options.faq) await FaqEntry.create({ _id: id, title: 'Hỏi đáp', answer: 'Trả lời', organizationLabel: 'Sở', organizationLabelEn: 'Sở', publishedAt: new Date(), publishedBy: asker });
  return { id, gid: globalId('HelpdeskRequest', id), faqGid: globalId('HelpdeskFaqEntry', id), assigneeGid: globalId('Expert', assignee), replyId: reply ? String(reply._id) : null };
}
