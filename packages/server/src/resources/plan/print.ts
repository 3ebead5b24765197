/**
 * Printing her plan: the version in force unless another is asked for, with her milestones, in
 * the language she reads. The printout is audited like an export.
 */
import type { ParticipantLanguage } from '@cope/domain';
import { and, eq } from 'drizzle-orm';
import { planVersion } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { auditPlan } from './audit.js';
import { listMilestones } from './milestones.js';
import { renderPlanPdf } from './pdf.js';
import { peopleOf } from './team.js';
import { sealFor, todayOf } from './versions.js';

export async function printPlan(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  query: { language: ParticipantLanguage; version?: number | undefined },
  now = new Date(),
): Promise<{ version: number; pdf: Buffer }> {
  const [row] = await tx
    .select()
    .from(planVersion)
    .where(
      and(
        eq(planVersion.participantId, participantId),
        query.version === undefined
          ? eq(planVersion.status, 'agreed')
          : eq(planVersion.version, query.version),
      ),
    );
  if (!row && query.version !== undefined) throw notFound('This version of her plan');
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      'She has not agreed to a plan yet. Choose the version to print, or print it once she agrees.',
    );
  }
  const seal = await sealFor(tx, keyring, viewer, participantId);
  const content = seal.openContent(row.id, row.contentEnc);
  const owners = content.goals.flatMap((goal) =>
    goal.steps.map((step) => (step.owner.kind === 'staff' ? step.owner.userId : null)),
  );
  const people = await peopleOf(tx, owners);
  const milestones = await listMilestones(tx, seal, participantId);
  const pdf = await renderPlanPdf({
    language: query.language,
    version: row.version,
    content,
    agreement:
      row.agreementMethod && row.agreedOn ? { method: row.agreementMethod, agreedOn: row.agreedOn } : null,
    milestones,
    staffName: (userId) => people(userId).displayName,
    today: todayOf(now),
  });
  await auditPlan(tx, viewer, participantId, 'plan.printed', `version ${row.version}, ${query.language}`);
  return { version: row.version, pdf };
}
