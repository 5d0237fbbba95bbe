/** Bounds of an enterprise profile's fields: the API enforces them and the edit form says them. */
export const ENTERPRISE_LIMITS = { description: 800, pilots: 12, pilotRoleMin: 2, pilotRole: 200, practices: 60, practiceRoleMin: 2, practiceRole: 120 } as const;
