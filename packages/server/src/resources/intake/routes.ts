/**
 * Intake (opening a case step by step) and section records (editing a section's structured
 * answers later, with optimistic concurrency). Thin: validate, authorize, run the service in one
 * transaction, settle refusals (audited in their own transaction, since the work never commits).
 */
import {
  RECORD_SECTIONS,
  STEP_SCHEMAS,
  type StepValues,
  ZIntakeCompleted,
  ZIntakeCreated,
  ZIntakeDraft,
  ZIntakeStepSaved,
  ZParticipantParams,
  ZPersonStep,
  ZRecordParams,
  ZRecordQuery,
  ZSaveSectionRecordRequest,
  ZSectionRecord,
} from '@cope/contracts';
import { INTAKE_STEPS, type IntakeStep } from '@cope/domain';
import { type AuditAction, recordAudit } from '../../audit/record.js';
import type { TenantDb } from '../../db/tenant.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { authorize, recordDenial } from '../../policy/enforce.js';
import type { Viewer } from '../auth/sessions.js';
import { sectionRestricted } from '../sections/service.js';
import type { Outcome } from './case-context.js';
import { readSectionRecord, saveSectionRecord } from './section-records.js';
import { completeIntake, createIntake, readIntakeDraft, saveIntakeStep } from './service.js';

const tags = ['intake'];

/** Turns a service outcome into the answer, or into an audited refusal. */
async function settle<T>(
  db: TenantDb,
  viewer: Viewer,
  participantId: string,
  outcome: Outcome<T>,
  refused: AuditAction,
): Promise<T> {
  const target = { resourceType: 'participant', resourceId: participantId };
  switch (outcome.kind) {
    case 'ok':
      return outcome.value;
    case 'missing':
      throw notFound('This participant');
    case 'denied':
      await recordDenial(db, viewer, refused, { ...target, section: outcome.section ?? undefined });
      throw outcome.section ? sectionRestricted(outcome.section) : forbidden();
    case 'conflict': {
      await db.run(viewer, (tx) =>
        recordAudit(tx, {
          organizationId: viewer.organizationId,
          actorUserId: viewer.userId,
          action: 'record.conflict',
          ...target,
          section: outcome.section,
        }),
      );
      const by = outcome.details.savedBy ? ` (${outcome.details.savedBy})` : '';
      throw new AppError(
        'CONFLICT',
        `Someone else${by} saved this section after you opened it. Nothing was overwritten: ` +
          'look at what changed, reload her record and make your change again.',
        outcome.details,
      );
    }
  }
}

export async function intakeRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.post(
    '/api/participants',
    {
      schema: {
        tags,
        summary: 'Open a case from the first intake step (her name, birth, citizenship, documents)',
        body: ZPersonStep,
        response: { 201: ZIntakeCreated },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'participant.create', { resourceType: 'participant' });
      const created = await db.run(viewer, (tx) => createIntake(tx, keyring, viewer, request.body));
      reply.status(201);
      return created;
    },
  );

  app.get(
    '/api/participants/:participantId/intake',
    { schema: { tags, params: ZParticipantParams, response: { 200: ZIntakeDraft } } },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const outcome = await db.run(viewer, (tx) => readIntakeDraft(tx, keyring, viewer, participantId));
      return settle(db, viewer, participantId, outcome, 'record.read');
    },
  );

  const registerStep = <S extends IntakeStep>(step: S) =>
    app.put(
      `/api/participants/:participantId/intake/${step}`,
      {
        schema: {
          tags,
          summary: `Save the ${step} step of the intake as a draft`,
          params: ZParticipantParams,
          body: STEP_SCHEMAS[step],
          response: { 200: ZIntakeStepSaved },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const { participantId } = request.params;
        await authorize(db, viewer, 'participant.create', {
          resourceType: 'participant',
          resourceId: participantId,
        });
        const values = request.body as StepValues[S];
        const outcome = await db.run(viewer, (tx) =>
          saveIntakeStep(tx, keyring, viewer, participantId, step, values as never),
        );
        return settle(db, viewer, participantId, outcome, 'intake.saved');
      },
    );
  for (const step of INTAKE_STEPS) registerStep(step);

  app.post(
    '/api/participants/:participantId/intake/complete',
    {
      schema: {
        tags,
        summary: 'Complete the intake (needs her record-keeping consent)',
        params: ZParticipantParams,
        response: { 200: ZIntakeCompleted },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId } = request.params;
      await authorize(db, viewer, 'participant.create', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const outcome = await db.run(viewer, (tx) => completeIntake(tx, keyring, viewer, participantId));
      return settle(db, viewer, participantId, outcome, 'intake.completed');
    },
  );

  app.get(
    '/api/participants/:participantId/records/:section',
    {
      schema: {
        tags,
        summary: `A section's structured record (sections: ${RECORD_SECTIONS.join(', ')})`,
        params: ZRecordParams,
        querystring: ZRecordQuery,
        response: { 200: ZSectionRecord },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, section } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const reveal = request.query.reveal === 'true';
      const outcome = await db.run(viewer, (tx) =>
        readSectionRecord(tx, keyring, viewer, participantId, section, { reveal }),
      );
      return settle(db, viewer, participantId, outcome, 'record.read');
    },
  );

  app.put(
    '/api/participants/:participantId/records/:section',
    {
      schema: {
        tags,
        summary: 'Save parts of a section record from the version you started from (409 if it changed)',
        params: ZRecordParams,
        body: ZSaveSectionRecordRequest,
        response: { 200: ZSectionRecord },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, section } = request.params;
      await authorize(db, viewer, 'participant.read', {
        resourceType: 'participant',
        resourceId: participantId,
      });
      const outcome = await db.run(viewer, (tx) =>
        saveSectionRecord(tx, keyring, viewer, participantId, section, request.body),
      );
      return settle(db, viewer, participantId, outcome, 'record.write');
    },
  );
}
