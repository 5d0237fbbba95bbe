/*
 * The one place that says what each role may do. Curators (content: practices, answers,
 * verification) and moderators (people: suspensions, locks, other people's posts) are parallel,
 * not ranked: neither includes the other. An admin holds every role.
 */

export const roles = ['member', 'curator', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];

const HELD: Record<Role, readonly Role[]> = {
  member: ['member'],
  curator: ['member', 'curator'],
  moderator: ['member', 'moderator'],
  admin: roles,
};

/** Whether someone with this role acts as `role` ("curator or admin" for 'curator'). */
export const roleHolds = (held: Role, role: Role) => HELD[held].includes(role);

/** Whether the viewer (if any) acts as `role`. */
export const hasRole = (viewer: { role: Role } | null | undefined, role: Role) => Boolean(viewer && roleHolds(viewer.role, role));

/** Everyone but members: the people whose names others must not imitate. */
export const STAFF_ROLES: readonly Role[] = roles.filter((role) => role !== 'member');
