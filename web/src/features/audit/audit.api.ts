import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';

export const AUDIT_PAGE_SIZE = 25;

const AuditLogQuery = graphql(`
  query AuditLog($subject: ID, $first: Int!, $after: String) {
    auditLog(subject: $subject, first: $first, after: $after) {
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
        }
      }
    }
  }
`);

export type AuditPage = ResultOf<typeof AuditLogQuery>['auditLog'];
export type AuditEntry = AuditPage['edges'][number]['node'];

/** One page of the audit log, newest first; about one person when `subject` (a global id) is given. */
export const getAuditLog = query(
  async (subject: string | null, after: string | null): Promise<AuditPage> => (await request(AuditLogQuery, { subject, first: AUDIT_PAGE_SIZE, after })).auditLog,
  'auditLog',
);
