/** Reading participants for a viewer: access decided per case, names opened only when allowed. */
import type { TParticipantListQuery } from '@cope/contracts';
import { SECTIONS } from '@cope/domain';
import { recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/tenant.js';
import { type CaseFacts, caseRelation, loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { can, caseCan } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { presentParticipantSummary } from './presenter.js';
import { getParticipant, listParticipants, type ParticipantRow } from './queries.js';
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

export async function listForViewer(tx: Tx, keyring: Keyring, viewer: Viewer, query: TParticipantListQuery) {
  const { rows, total } = await listParticipants(tx, viewer.organizationId, query);
  const { items } = await present(tx, keyring, viewer, rows);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.list',
    resourceType: 'participant',
  });
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export async function detailForViewer(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string) {
  const row = await getParticipant(tx, participantId);
  if (!row) return null;
  const { items, facts } = await present(tx, keyring, viewer, [row]);
  const f = facts.get(row.id) as CaseFacts;
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.read',
    resourceType: 'participant',
    resourceId: row.id,
  });
  return {
    ...(items[0] as NonNullable<(typeof items)[0]>),
    sections: SECTIONS.map((section) => ({
      section,
      access: sectionLevel(viewer, viewer.sectionMatrix, f, section),
    })),
    referenceChanges: row.referenceChanges,
    intakeSteps: row.intakeSteps,
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
