/** Staff roles of the multidisciplinary team (DOMAIN.md "Who uses it"). */
export const STAFF_ROLES = [
  'social_worker',
  'psychologist',
  'psychiatrist',
  'social_educator',
  'lawyer',
  'peer_worker',
  'outreach_worker',
  'coordinator',
  'administrator',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
