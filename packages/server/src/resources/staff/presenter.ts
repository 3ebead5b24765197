/** Staff members as an administrator sees them, with what she may do to each. */
import type { TStaffMember } from '@cope/contracts';
import { isStaffRole } from '@cope/domain';
import type { staffUser } from '../../db/schema.js';
import type { Viewer } from '../auth/sessions.js';

type StaffRow = typeof staffUser.$inferSelect;

export interface StaffFacts {
  passkeys: number;
  lastActiveAt: Date | null;
  pendingLink: { kind: 'invitation' | 'second_factor'; expiresAt: Date } | null;
}

export function staffStatus(row: StaffRow): TStaffMember['status'] {
  if (row.disabledAt) return 'disabled';
  if (row.passwordHash === null) return 'invited';
  if (!row.mfaEnrolledAt) return 'second_factor_pending';
  return 'active';
}

export function presentStaffMember(row: StaffRow, facts: StaffFacts, viewer: Viewer): TStaffMember {
  const status = staffStatus(row);
  const isYou = row.id === viewer.userId;
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles.filter(isStaffRole),
    status,
    secondFactor: { totp: row.mfaEnrolledAt !== null, passkeys: facts.passkeys },
    mfaResetAt: row.mfaResetAt?.toISOString() ?? null,
    lastActiveAt: facts.lastActiveAt?.toISOString() ?? null,
    pendingLink: facts.pendingLink
      ? { kind: facts.pendingLink.kind, expiresAt: facts.pendingLink.expiresAt.toISOString() }
      : null,
    isYou,
    abilities: {
      disable: !isYou && status !== 'disabled',
      enable: status === 'disabled',
      resetSecondFactor: !isYou && (status === 'active' || status === 'second_factor_pending'),
      newLink: !isYou && (status === 'invited' || status === 'second_factor_pending'),
    },
  };
}
