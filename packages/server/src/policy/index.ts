/**
 * The one authorization policy. Every route asks `authorize(viewer, action)` (or `can`) and
 * nothing else decides access. Rules are declared per resource as alternatives: an action is
 * allowed when any of its rules matches; an action with no rules is denied (closed by default).
 */
import type { StaffRole } from '@cope/domain';
import { AppError } from '../http/errors.js';
import type { Viewer } from '../resources/auth/sessions.js';

export type Action = 'participant.list' | 'participant.read' | 'organization.read' | 'organization.manage';

type Rule = (viewer: Viewer) => boolean;

const hasRole =
  (...roles: StaffRole[]): Rule =>
  (viewer) =>
    viewer.roles.some((role) => roles.includes(role));

/** Case-working roles: everyone in the team except the pure administrator. */
const CASE_ROLES: StaffRole[] = [
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
  'organization.read': [() => true],
  'organization.manage': [hasRole('administrator')],
};

export function can(viewer: Viewer, action: Action): boolean {
  return viewer.state === 'active' && RULES[action].some((rule) => rule(viewer));
}

export function authorize(viewer: Viewer, action: Action): void {
  if (!can(viewer, action)) throw new AppError('FORBIDDEN', 'You do not have permission to do this.');
}
