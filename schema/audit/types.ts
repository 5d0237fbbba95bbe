import { builder, enumValues } from '../builder.ts';
import { CollectionRef } from '../collection/types.ts';
import { ReplyRef, ThreadRef } from '../discussion/types.ts';
import { ExpertRef } from '../expert/types.ts';
import { GroupRef } from '../group/types.ts';
import { HelpdeskRequestRef } from '../helpdesk/types.ts';
import { OrganizationRef } from '../organization/types.ts';
import { PracticeRef } from '../practice/types.ts';
import { TaskRef } from '../task/types.ts';
import { auditActions } from './model.ts';
import { listAuditEntries, type AuditEntryDoc } from './service.ts';

const AuditActionEnum = builder.enumType('AuditAction', {
  values: enumValues(auditActions),
});

export const AuditEntryRef = builder.objectRef<AuditEntryDoc>('AuditEntry').implement({
  description: 'One staff action: who did what to whom, when and why.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e._id) }),
    action: t.field({ type: AuditActionEnum, resolve: (e) => e.action }),
    actor: t.field({ type: ExpertRef, resolve: (e) => String(e.actor) }),
    subject: t.field({ type: ExpertRef, resolve: (e) => String(e.subject) }),
    from: t.string({ nullable: true, resolve: (e) => e.from ?? null }),
    to: t.string({ nullable: true, resolve: (e) => e.to ?? null }),
    reason: t.exposeString('reason'),
    // What the action was about besides the person; each as the viewer may read it (null once gone).
    practice: t.field({ type: PracticeRef, nullable: true, resolve: (e) => (e.practice ? String(e.practice) : null) }),
    collection: t.field({ type: CollectionRef, nullable: true, resolve: (e) => (e.collectionId ? String(e.collectionId) : null) }),
    thread: t.field({ type: ThreadRef, nullable: true, resolve: (e) => (e.thread ? String(e.thread) : null) }),
    reply: t.field({ type: ReplyRef, nullable: true, resolve: (e) => (e.reply ? String(e.reply) : null) }),
    group: t.field({ type: GroupRef, nullable: true, resolve: (e) => e.group ?? null }),
    framework: t.string({ nullable: true, description: 'The programme framework’s code, when the action is about one.', resolve: (e) => e.framework ?? null }),
    organization: t.field({ type: OrganizationRef, nullable: true, resolve: (e) => e.organization ?? null }),
    task: t.field({ type: TaskRef, nullable: true, resolve: (e) => (e.task ? String(e.task) : null) }),
    helpdeskRequest: t.field({ type: HelpdeskRequestRef, nullable: true, resolve: (e) => e.helpdeskRequest ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.connection(
    {
      type: AuditEntryRef,
      description: 'Admins only: every staff action, newest first; narrowed by the person acted on, who acted, the action, or the practice.',
      authScopes: { admin: true },
      args: {
        subject: t.arg.globalID({ for: ExpertRef }),
        actor: t.arg.globalID({ for: ExpertRef }),
        action: t.arg({ type: AuditActionEnum }),
        practice: t.arg.globalID({ for: PracticeRef }),
      },
      resolve: (_, args) => listAuditEntries({ subject: args.subject?.id, actor: args.actor?.id, action: args.action, practice: args.practice?.id }, args),
    },
    { name: 'AuditEntryConnection' },
    { name: 'AuditEntryEdge' },
  ),
}));
