/**
 * Saving her needs in one sphere and her own ranking of the spheres. A save names the version it
 * started from; over someone else's newer save it is refused with who saved and when, and nothing
 * is overwritten. A sphere whose section the viewer may not see is refused before anything is
 * read. Saves on one case are taken one at a time (her case row is held), so the basic needs
 * flagged on her case are always computed from every sphere as saved.
 */
import { randomUUID } from 'node:crypto';
import { needsSaveProblems, type TSphereNeeds, type ZNeedsSave, type ZPriorities } from '@cope/contracts';
import {
  BASIC_NEED_SPHERES,
  basicNeedCode,
  isSphere,
  type Situation,
  SPHERE_SECTION,
  type Sphere,
  unmetBasicNeedSources,
} from '@cope/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../audit/record.js';
import { participant } from '../../db/schema.js';
import { needsAssessment } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { erasedError, fieldError } from '../intake/case-context.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { type NeedsContent, type NeedsRow, needsRows, openNeeds, sealNeeds } from './content.js';
import { peopleOf, presentSphere } from './presenters.js';

type NeedsInput = z.output<typeof ZNeedsSave>;
type TPriorities = z.infer<typeof ZPriorities>;

/** A sphere closed to this viewer: the route records the refusal outside this transaction. */
export type SaveOutcome = { kind: 'ok'; value: TSphereNeeds } | { kind: 'restricted'; sphere: Sphere };

/** Holds her case row until this save is done and returns her data key (erased: refused). */
async function holdCase(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string): Promise<Buffer> {
  const [held] = await tx
    .select({ id: participant.id })
    .from(participant)
    .where(eq(participant.id, participantId))
    .for('update');
  if (!held) throw notFound('This participant');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw erasedError();
  return dataKey;
}

const minute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

async function staleSave(tx: Tx, sphere: Sphere, current: NeedsRow | undefined): Promise<AppError> {
  const label = sphere.replaceAll('_', ' ');
  if (!current) {
    return new AppError(
      'CONFLICT',
      `Her ${label} needs have not been saved yet, so there is no version to build on. Reload and save again.`,
      { version: 0, savedBy: null, savedAt: null },
    );
  }
  const by = (await peopleOf(tx, [current.updatedByUserId]))(current.updatedByUserId).displayName;
  return new AppError(
    'CONFLICT',
    `${by} saved her ${label} needs on ${minute(current.updatedAt)}, after you opened them. ` +
      'Nothing was overwritten: reload her needs and make your change again.',
    { version: current.version, savedBy: by, savedAt: current.updatedAt.toISOString() },
  );
}

/**
 * The basic needs unmet according to every basic-need sphere as saved now, each with the sphere
 * that shows it (`health_care:mental_health`): readers are shown only what their access opens.
 */
async function recomputeBasicNeeds(
  tx: Tx,
  keyring: Keyring,
  dataKey: Buffer,
  participantId: string,
): Promise<string[]> {
  const situations: Partial<Record<Sphere, Situation>> = {};
  for (const row of await needsRows(tx, participantId, BASIC_NEED_SPHERES)) {
    if (isSphere(row.sphere)) situations[row.sphere] = openNeeds(keyring, dataKey, row).situation;
  }
  return unmetBasicNeedSources(situations).map(basicNeedCode);
}

export async function saveSphere(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  sphere: Sphere,
  input: NeedsInput,
  now = new Date(),
): Promise<SaveOutcome> {
  const section = SPHERE_SECTION[sphere];
  if (!itinerary.full(section)) return { kind: 'restricted', sphere };
  const [problem] = needsSaveProblems(sphere, input);
  if (problem) throw fieldError(problem.field, problem.message);
  const { participantId } = itinerary;
  const dataKey = await holdCase(tx, keyring, viewer, participantId);

  const [current] = await needsRows(tx, participantId, [sphere]);
  if ((current?.version ?? 0) !== input.version) throw await staleSave(tx, sphere, current);
  const content: NeedsContent = {
    situation: input.situation,
    situationNote: input.situationNote,
    herWords: input.herWords,
    professionalNeeds: input.professionalNeeds,
  };
  const id = current?.id ?? randomUUID();
  const values = {
    version: input.version + 1,
    contentEnc: sealNeeds(keyring, dataKey, id, content),
    updatedByUserId: viewer.userId,
    updatedAt: now,
  };
  const [row] = current
    ? await tx
        .update(needsAssessment)
        .set(values)
        .where(and(eq(needsAssessment.id, id), eq(needsAssessment.version, input.version)))
        .returning()
    : await tx
        .insert(needsAssessment)
        .values({
          id,
          organizationId: viewer.organizationId,
          participantId,
          sphere,
          ...values,
          createdAt: now,
        })
        .returning();
  if (!row) throw await staleSave(tx, sphere, current);

  const changes: Partial<typeof participant.$inferInsert> = { updatedAt: now };
  if (BASIC_NEED_SPHERES.includes(sphere)) {
    changes.unmetBasicNeeds = await recomputeBasicNeeds(tx, keyring, dataKey, participantId);
  }
  await tx.update(participant).set(changes).where(eq(participant.id, participantId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'needs.saved',
    resourceType: 'participant',
    resourceId: participantId,
    section,
    reason: sphere,
  });
  const people = await peopleOf(tx, [viewer.userId]);
  return { kind: 'ok', value: presentSphere(sphere, row, content, people) };
}

/** Her own ranking, most important first (the payload schema refused repeats and unknown codes). */
export async function savePriorities(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  priorities: readonly string[],
  now = new Date(),
): Promise<TPriorities> {
  const { participantId } = itinerary;
  await holdCase(tx, keyring, viewer, participantId);
  const ranked = priorities.filter(isSphere);
  await tx
    .update(participant)
    .set({ priorities: ranked, updatedAt: now })
    .where(eq(participant.id, participantId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'priorities.saved',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'needs',
  });
  return { priorities: ranked };
}
