/**
 * Synthetic monitoring for the demo: a first complete round a few weeks after her case opened and,
 * when the case is old enough, a second about three months later with some spheres a step
 * better. Her own rating is sometimes two steps away from the professional's (a conversation the
 * overview prompts), and now and then she chose not to rate. Her spheres needing attention follow
 * the latest round, and one review task is open, due by the review rule (overdue on older cases).
 * Reasons are short invented sentences, sealed with her key like real ones.
 */
import { randomUUID } from 'node:crypto';
import {
  attentionSpheres,
  CONSENT_FORM_LANGUAGES,
  MONITORING_SCALE_VERSION,
  type Ratings,
  REVIEW_MONTHS_DEFAULT,
  reviewDueOn,
  type ScaleStep,
  SPHERES,
  type Sphere,
} from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../db/schema.js';
import { monitoringRound } from '../db/schema-itinerary.js';
import type { Tx } from '../db/tenant.js';
import { sealRatings } from '../resources/monitoring/content.js';
import { createTask } from '../resources/tasks/create.js';
import type { Keyring } from '../security/keyring.js';
import { pick } from './names.js';

export interface MonitoringSeedCase {
  organizationId: string;
  participantId: string;
  dataKey: Buffer;
  referenceUserId: string;
  openedAt: Date;
  /** A closed case keeps its past reviews and has no review due. */
  closed?: boolean;
}

const DAY = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const clampStep = (step: number) => Math.min(5, Math.max(1, Math.round(step))) as ScaleStep;

/** A few invented reasons, for some spheres only (most ratings carry none). */
const REASONS: Partial<Record<Sphere, string[]>> = {
  housing: ['Shelter place until the end of the season.', 'Rents a room with a friend from the course.'],
  legal_status: ['Permit application filed; waiting for the appointment.'],
  employment: ['Trial week at a bakery went well.'],
  education: ['Attends the A2 language course three mornings a week.'],
  economic: ['Income covers food but not the rent yet.'],
  mental_health: ['Sleeps better since the group sessions started.'],
  family: ['Calls her daughter every Sunday.'],
};

function professionalRatings(steps: Record<Sphere, ScaleStep>, random: () => number): Ratings {
  const out: Ratings = {};
  for (const sphere of SPHERES) {
    const reasons = REASONS[sphere];
    const reason = reasons && random() < 0.5 ? pick(random, reasons) : null;
    out[sphere] = { step: steps[sphere], reason };
  }
  return out;
}

/** Her view: mostly the same or a step away, now and then two steps (either way). */
function selfRatings(steps: Record<Sphere, ScaleStep>, random: () => number): Ratings {
  const out: Ratings = {};
  for (const sphere of SPHERES) {
    const roll = random();
    const shift = roll < 0.12 ? (random() < 0.5 ? -2 : 2) : roll < 0.45 ? (random() < 0.5 ? -1 : 1) : 0;
    out[sphere] = { step: clampStep(steps[sphere] + shift), reason: null };
  }
  return out;
}

async function insertRound(
  tx: Tx,
  keyring: Keyring,
  input: MonitoringSeedCase,
  heldOn: string,
  steps: Record<Sphere, ScaleStep>,
  random: () => number,
): Promise<{ professional: Ratings; self: Ratings }> {
  const id = randomUUID();
  const professional = professionalRatings(steps, random);
  const declined = random() < 0.1;
  const self = declined ? {} : selfRatings(steps, random);
  const at = new Date(`${heldOn}T11:00:00Z`);
  await tx.insert(monitoringRound).values({
    id,
    organizationId: input.organizationId,
    participantId: input.participantId,
    heldOn,
    scaleVersion: MONITORING_SCALE_VERSION,
    status: 'complete',
    revision: 2,
    professionalEnc: sealRatings(keyring, input.dataKey, id, 'professional', professional),
    professionalByUserId: input.referenceUserId,
    selfEnc: declined ? null : sealRatings(keyring, input.dataKey, id, 'self', self),
    selfLanguage: pick(random, CONSENT_FORM_LANGUAGES),
    selfRecordedAt: at,
    selfRecordedByUserId: input.referenceUserId,
    selfDeclined: declined,
    completedAt: at,
    completedByUserId: input.referenceUserId,
    createdByUserId: input.referenceUserId,
    updatedAt: at,
    createdAt: at,
  });
  return { professional, self };
}

export async function seedCaseMonitoring(
  tx: Tx,
  keyring: Keyring,
  input: MonitoringSeedCase,
  random: () => number,
  now: Date,
): Promise<void> {
  const today = isoDate(now);
  // The first needs assessment and ratings, a few weeks after her case opened (never in the future).
  const firstOn = isoDate(
    new Date(Math.min(input.openedAt.getTime() + (7 + random() * 28) * DAY, now.getTime())),
  );
  // Early on, most spheres are precarious: steps 1 to 3, a few at 4.
  const steps = Object.fromEntries(
    SPHERES.map((sphere) => [sphere, clampStep(1 + random() * 3.4 - 0.4)]),
  ) as Record<Sphere, ScaleStep>;
  let latest = { heldOn: firstOn, ...(await insertRound(tx, keyring, input, firstOn, steps, random)) };

  // A review about three months later, when the case is old enough: some spheres a step better.
  const dueAfterFirst = new Date(`${reviewDueOn(firstOn, REVIEW_MONTHS_DEFAULT)}T00:00:00Z`);
  const secondOn = isoDate(new Date(dueAfterFirst.getTime() + Math.floor(random() * 21 - 7) * DAY));
  if (secondOn <= today) {
    const better = Object.fromEntries(
      SPHERES.map((sphere) => {
        const roll = random();
        const change = roll < 0.4 ? 1 : roll < 0.47 ? -1 : 0;
        return [sphere, clampStep(steps[sphere] + change)];
      }),
    ) as Record<Sphere, ScaleStep>;
    latest = { heldOn: secondOn, ...(await insertRound(tx, keyring, input, secondOn, better, random)) };
  }

  await tx
    .update(participant)
    .set({ attentionSpheres: attentionSpheres(latest.professional, latest.self) })
    .where(eq(participant.id, input.participantId));
  if (input.closed) return;
  await createTask(tx, {
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.referenceUserId,
    kind: 'itinerary_review',
    dueOn: reviewDueOn(latest.heldOn, REVIEW_MONTHS_DEFAULT),
    payload: { section: 'monitoring' },
  });
}
