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
  | 'staff.setup_link'
  | 'participant.create'
  | 'participant.export'
  | 'case.manage_team'
  | 'consent.record'
  | 'consent.emergency_override'
  | 'section.share'
  | 'retention.hold'
  | 'retention.clear'
  | 'transparency.read'
  | 'task.list'
  | 'task.org_overview'
  | 'risk.assess'
  | 'risk.confirm_lowering'
  | 'place.record'
  | 'incident.record'
  | 'risk_area.read'
  | 'risk_area.manage'
  | 'protocol.read'
  | 'protocol.edit'
  | 'safety.configure'
  | 'itinerary.edit'
  | 'itinerary.configure';

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
  // Opening a case records her legal identity: roles that run intakes, not peer or outreach work.
  'participant.create': [
    hasRole('social_worker', 'social_educator', 'psychologist', 'lawyer', 'coordinator'),
  ],
  // The rules below are the organization-level half; caseCan() adds the viewer's place in the case.
  'participant.export': [hasRole(...CASE_ROLES)],
  'case.manage_team': [hasRole(...CASE_ROLES)],
  'consent.record': [hasRole(...CASE_ROLES)],
  'consent.emergency_override': [hasRole('coordinator')],
  'section.share': [hasRole(...CASE_ROLES)],
  'retention.hold': [hasRole(...CASE_ROLES)],
  'retention.clear': [hasRole('administrator')],
  'transparency.read': [hasRole(...CASE_ROLES)],
  'task.list': [hasRole(...CASE_ROLES, 'administrator')],
  // Safety (DOMAIN.md "Risk assessment"). Case-relative halves are in CASE_RULES; reading or
  // writing her safety section also needs full access to it (policy/case-access.ts).
  'task.org_overview': [hasRole('coordinator')],
  'risk.assess': [hasRole(...CASE_ROLES)],
  'risk.confirm_lowering': [hasRole('coordinator')],
  'place.record': [hasRole(...CASE_ROLES)],
  'incident.record': [hasRole(...CASE_ROLES)],
  'risk_area.read': [hasRole(...CASE_ROLES)],
  'risk_area.manage': [hasRole('coordinator')],
  'protocol.read': [hasRole(...CASE_ROLES, 'administrator')],
  'protocol.edit': [hasRole('coordinator')],
  'safety.configure': [hasRole('coordinator', 'administrator')],
  // Integration itinerary (DOMAIN.md "The fourteen spheres"): her team works on her needs, plan
  // and monitoring together; reading or writing also needs full access to the section concerned.
  'itinerary.edit': [hasRole(...CASE_ROLES)],
  'itinerary.configure': [hasRole('coordinator', 'administrator')],
};

/** Actions whose answer also depends on the viewer's place in one case. */
export type CaseAction =
  | 'participant.export'
  | 'case.manage_team'
  | 'consent.record'
  | 'consent.emergency_override'
  | 'section.share'
  | 'retention.hold'
  | 'transparency.read'
  | 'record.edit'
  | 'risk.assess'
  | 'risk.confirm_lowering'
  | 'place.record'
  | 'incident.record'
  | 'itinerary.edit';

export interface CasePlace {
  isReference: boolean;
  isTeamMember: boolean;
}

const onCase = (place: CasePlace) => place.isReference || place.isTeamMember;
const isCoordinator = (viewer: Viewer) => viewer.roles.includes('coordinator');

/**
 * Case-relative rules: the reference professional and the coordinator steer a case (team,
 * export, retention); anyone on the team may record her consents and read what happened with
 * her information. Closed by default like `can`.
 */
const CASE_RULES: Record<CaseAction, (viewer: Viewer, place: CasePlace) => boolean> = {
  'participant.export': (viewer, place) => place.isReference || isCoordinator(viewer),
  'case.manage_team': (viewer, place) => place.isReference || isCoordinator(viewer),
  'consent.record': (viewer, place) => onCase(place) || isCoordinator(viewer),
  'consent.emergency_override': (viewer) => isCoordinator(viewer),
  'section.share': (viewer, place) => place.isReference || isCoordinator(viewer),
  'retention.hold': (viewer, place) => place.isReference || isCoordinator(viewer),
  'transparency.read': (viewer, place) => onCase(place) || isCoordinator(viewer),
  'record.edit': (viewer, place) => onCase(place) || isCoordinator(viewer),
  // Anyone on her team may assess (a peer worker often hears of a threat first); lowering the
  // computed level waits for a coordinator (resources/risk-assessments).
  'risk.assess': (viewer, place) => onCase(place) || isCoordinator(viewer),
  'risk.confirm_lowering': (viewer) => isCoordinator(viewer),
  'place.record': (viewer, place) => onCase(place) || isCoordinator(viewer),
  'incident.record': (viewer, place) => onCase(place) || isCoordinator(viewer),
  'itinerary.edit': (viewer, place) => onCase(place) || isCoordinator(viewer),
};

export function caseCan(viewer: Viewer, action: CaseAction, place: CasePlace): boolean {
  if (viewer.state !== 'active') return false;
  if (action !== 'record.edit' && !can(viewer, action)) return false;
  if (action === 'record.edit' && !viewer.roles.some((role) => CASE_ROLES.includes(role))) return false;
  return CASE_RULES[action](viewer, place);
}

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
