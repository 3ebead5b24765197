/** Reading participants for a viewer: access decided per case, names opened only when allowed. */
import type { CaseScope, TParticipantListQuery } from '@cope/contracts';
import { SECTIONS, SPHERE_SECTION, type StaffRole, visibleBasicNeeds } from '@cope/domain';
import { recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/tenant.js';
import { type CaseFacts, caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { can, caseCan } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { mayHoldReference } from '../case-team/service.js';
import { riskStatusOf } from '../risk/status.js';
import { attentionFilterFor, attentionFilterSpheres } from './attention-filter.js';
import { presentParticipantSummary } from './presenter.js';
import { getParticipant, listParticipants, nextDueDates, type ParticipantRow } from './queries.js';
import { openPreferredNames } from './records.js';

async function present(tx: Tx, keyring: Keyring, viewer: Viewer, rows: ParticipantRow[]) {
  const facts = await loadCaseFacts(
    tx,
    viewer,
    rows.map((r) => r.id),
  );
  const identity = (row: ParticipantRow) => {
    const f = facts.get(row.id);
    return f ? sectionLevel(viewer, viewer.sectionMatrix, f, 'identity') : 'none';
  };
  const readable = rows.filter((row) => identity(row) !== 'none');
  const names = await openPreferredNames(tx, keyring, viewer.organizationId, readable);
  return {
    facts,
    items: rows.map((row) => presentParticipantSummary(row, identity(row), names.get(row.id) ?? null)),
  };
}

/**
 * The list a viewer sees first: her own cases when she holds cases as reference professional;
 * every case of the organization for coordinators, and for roles that are never a reference
 * (peer and outreach workers, psychiatrists), for whom "my cases" would always be empty.
 */
export function defaultScope(viewer: Pick<Viewer, 'roles'>): CaseScope {
  if (viewer.roles.includes('coordinator')) return 'all';
  return mayHoldReference(viewer.roles) ? 'mine' : 'all';
}

/**
 * How far the legal-situation filter reaches for this viewer, from the organization's matrix
 * for the legal section: every case for a role named organization-wide (`org:coordinator`),
 * her own cases for a role named on the team (`team:lawyer`), none otherwise. Being some cases'
 * reference professional does not open a filter over the whole organization.
 */
export function legalFilterReach(viewer: Pick<Viewer, 'roles' | 'sectionMatrix'>): 'all' | 'own' | 'none' {
  const audiences = viewer.sectionMatrix.legal.full;
  const named = (scope: 'org' | 'team') =>
    audiences.some((audience) => {
      const [prefix, role] = audience.split(':');
      return prefix === scope && viewer.roles.includes(role as StaffRole);
    });
  if (named('org')) return 'all';
  return named('team') ? 'own' : 'none';
}

export async function listForViewer(tx: Tx, keyring: Keyring, viewer: Viewer, query: TParticipantListQuery) {
  const scope = query.scope ?? defaultScope(viewer);
  const reach = legalFilterReach(viewer);
  // The route refused a filter beyond her reach; a refused one here matches nothing.
  const attention = query.attention ? attentionFilterFor(viewer, query.attention) : null;
  const attentionSpheres = attentionFilterSpheres(viewer);
  const { rows, total } = await listParticipants(tx, viewer.organizationId, query, {
    userId: viewer.userId,
    scope,
    legalFilterOnOwnCases: reach === 'own',
    attention: attention?.kind === 'ok' ? attention.filter : null,
  });
  const { items } = await present(tx, keyring, viewer, rows);
  const due = await nextDueDates(
    tx,
    rows.map((r) => r.id),
  );
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.list',
    resourceType: 'participant',
  });
  return {
    items: items.map((item) => ({ ...item, nextDueOn: due.get(item.id) ?? null })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    scope,
    abilities: {
      openCase: can(viewer, 'participant.create'),
      filterByLegalSituation: reach !== 'none',
      filterByAttention: attentionSpheres.length > 0,
      attentionFilterSpheres: attentionSpheres,
    },
  };
}

export async function detailForViewer(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string) {
  const row = await getParticipant(tx, participantId);
  if (!row) return null;
  const { items, facts } = await present(tx, keyring, viewer, [row]);
  const f = facts.get(row.id) as CaseFacts;
  // The header's safety line is read from columns in clear, for everyone who may open the case.
  const risk = await riskStatusOf(tx, row.id);
  if (!risk) return null;
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.read',
    resourceType: 'participant',
    resourceId: row.id,
  });
  const access = (section: (typeof SECTIONS)[number]) =>
    sectionLevel(viewer, viewer.sectionMatrix, f, section);
  return {
    ...(items[0] as NonNullable<(typeof items)[0]>),
    sections: SECTIONS.map((section) => ({ section, access: access(section) })),
    referenceChanges: row.referenceChanges,
    intakeSteps: row.intakeSteps,
    erased: row.erasedAt !== null,
    risk,
    // Each flag only to those who may open the sphere it comes from: a colleague without her
    // mental health section never learns that no support is in place for it.
    itinerary: {
      unmetBasicNeeds: visibleBasicNeeds(
        row.unmetBasicNeeds,
        (sphere) => access(SPHERE_SECTION[sphere]) === 'full',
      ),
    },
    abilities: caseAbilities(viewer, f),
  };
}

export function caseAbilities(viewer: Viewer, facts: CaseFacts) {
  const place = caseRelation(viewer, facts);
  return {
    breakGlass: can(viewer, 'section.break_glass'),
    erase: can(viewer, 'participant.erase'),
    manageTeam: caseCan(viewer, 'case.manage_team', place),
    recordConsent: caseCan(viewer, 'consent.record', place),
    shareSection: caseCan(viewer, 'section.share', place),
    emergencyOverride: caseCan(viewer, 'consent.emergency_override', place),
    export: caseCan(viewer, 'participant.export', place),
    retentionHold: caseCan(viewer, 'retention.hold', place),
    retentionClear: can(viewer, 'retention.clear'),
    readTransparency: caseCan(viewer, 'transparency.read', place),
    editRecords: caseCan(viewer, 'record.edit', place),
  };
}
