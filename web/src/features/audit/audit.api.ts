import { query } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';

export const AUDIT_PAGE_SIZE = 25;

const AuditLogQuery = graphql(`
  query AuditLog($subject: ID, $actor: ID, $action: AuditAction, $practice: ID, $first: Int!, $after: String) {
    auditLog(subject: $subject, actor: $actor, action: $action, practice: $practice, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          action
          from
          to
          reason
          createdAt
          actor { id handle name }
          subject { id handle name }
          practice { id title }
          collection { id slug title }
          thread { id title }
          reply { id }
          group { slug name nameEn }
          task { id title }
          organization { slug name }
        }
      }
    }
  }
`);

export type AuditPage = ResultOf<typeof AuditLogQuery>['auditLog'];
export type AuditEntry = AuditPage['edges'][number]['node'];
export type AuditAction = AuditEntry['action'];

/** What the log is narrowed by (global ids, as in the page's address). */
export type AuditFilter = Omit<VariablesOf<typeof AuditLogQuery>, 'first' | 'after'>;

/** One page of the audit log, newest first, narrowed by `filter`. */
export const getAuditLog = query(
  async (filter: AuditFilter, after: string | null): Promise<AuditPage> => (await request(AuditLogQuery, { ...filter, first: AUDIT_PAGE_SIZE, after })).auditLog,
  'auditLog',
);

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || null;

/** The filter an address asks for: `?subject=`, `?actor=`, `?practice=` (global ids) and `?action=`. */
export function auditFilterOf(query: Record<string, string | string[] | undefined>, actions: readonly string[]): AuditFilter {
  const action = single(query.action);
  return {
    subject: single(query.subject),
    actor: single(query.actor),
    practice: single(query.practice),
    action: action && actions.includes(action) ? (action as AuditAction) : null,
  };
}
