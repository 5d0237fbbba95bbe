import { builder, enumValues } from '../builder.ts';
import { ExpertRef } from '../expert/types.ts';
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
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.connection(
    {
      type: AuditEntryRef,
      description: 'Admins only: every staff action, newest first.',
      authScopes: { admin: true },
      args: { subject: t.arg.globalID({ for: ExpertRef }) },
      resolve: (_, args) => listAuditEntries(args.subject?.id, args),
    },
    { name: 'AuditEntryConnection' },
    { name: 'AuditEntryEdge' },
  ),
}));
