/**
 * The one authorization policy. Routes ask it and nothing else decides access.
 * - Organization-level actions (`can`/`authorize`): rules declared per action as alternatives;
 *   an action with no matching rule is denied (closed by default).
 * - Case sections (`sectionLevel` in case-access.ts): the organization's section matrix applied
 *   to the viewer's place in the case team, plus break-glass grants.
 */
import type { StaffRole } from '@cope/domain';
import type { Viewer } from '../resources/auth/sessions.js';

export type Action =
  | 'participant.list'
  | 'participant.read'
  | 'participant.erase'
  | 'section.break_glass'
  | 'organization.manage'
  | 'audit.read'
  | 'staff.list'
  | 'staff.invite'
  | 'staff.disable'
  | 'staff.enable'
  | 'staff.reset_mfa'
  | 'staff.setup_link';

type Rule = (viewer: Viewer) => boolean;

const hasRole =
  (...roles: StaffRole[]): Rule =>
  (viewer) =>
    viewer.roles.some((role) => roles.includes(role));

/** Case-working roles: everyone in the team except the pure administrator. */
export const CASE_ROLES: StaffRole[] = [
  'social_worker',
  'psychologist',
  'psychiatrist',
  'social_educator',
  'lawyer',
  'peer_worker',
  'outreach_worker',
  'coordinator',
];

const RULES: Record<Action, Rule[]> = {
  'participant.list': [hasRole(...CASE_ROLES)],
  'participant.read': [hasRole(...CASE_ROLES)],
  'participant.erase': [hasRole('coordinator', 'administrator')],
  'section.break_glass': [hasRole('coordinator')],
  'organization.manage': [hasRole('administrator')],
  'audit.read': [hasRole('coordinator', 'administrator')],
  'staff.list': [hasRole('administrator')],
  'staff.invite': [hasRole('administrator')],
  'staff.disable': [hasRole('administrator')],
  'staff.enable': [hasRole('administrator')],
  'staff.reset_mfa': [hasRole('administrator')],
  'staff.setup_link': [hasRole('administrator')],
};

export function can(viewer: Viewer, action: Action): boolean {
  return viewer.state === 'active' && RULES[action].some((rule) => rule(viewer));
}

/**
 * Actions that need a second factor presented in the last five minutes, on top of being
 * allowed. Revealing a legal identity needs it only when she is a protected witness.
 */
export function needsStepUp(
  action: 'participant.reveal_identity',
  resource: { isProtectedWitness: boolean },
): boolean {
  return action === 'participant.reveal_identity' && resource.isProtectedWitness;
}
