/**
 * Synthetic plans for the demo: an agreed first version with two or three goals in her own
 * (plain English, invented) words, steps done by herself, her reference professional, a team
 * member or a partner ("Language school"); sometimes a review agreed later with a step done;
 * one or two small victories; and in some cases a weekly course with a court hearing on one of
 * its mornings, so the schedule shows a conflict. Everything is sealed with her key, as the app
 * seals it (resources/plan/content.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  nextPlanDraft,
  type PlanContent,
  type PlanGoal,
  type PlanStep,
  type Sphere,
  type StepOwner,
  type StepSupport,
} from '@cope/domain';
import { commitment, milestone, planVersion } from '../db/schema-itinerary.js';
import type { Tx } from '../db/tenant.js';
import { type CommitmentContent, planSeal } from '../resources/plan/content.js';
import type { Keyring } from '../security/keyring.js';
import { pick, syntheticFirstName } from './names.js';

export interface PlanSeedCase {
  organizationId: string;
  participantId: string;
  dataKey: Buffer;
  referenceUserId: string;
  teamUserIds: string[];
  openedAt: Date;
}

type Who = 'herself' | 'reference' | 'team' | 'partner';
interface GoalIdea {
  sphere: Sphere;
  text: string;
  steps: { what: string; who: Who; supports?: StepSupport[] }[];
}

const GOALS: GoalIdea[] = [
  {
    sphere: 'education',
    text: 'I want to speak Spanish well enough to work in a shop.',
    steps: [
      { what: 'Go to the evening Spanish course', who: 'herself', supports: ['childcare'] },
      { what: 'Sit the A2 exam', who: 'partner' },
      { what: 'Find a nursery place for my son', who: 'reference' },
    ],
  },
  {
    sphere: 'housing',
    text: 'I want a room of my own, close to the school.',
    steps: [
      { what: 'Visit two rooms together', who: 'reference', supports: ['transport_money'] },
      { what: 'Save the first month of rent', who: 'herself' },
    ],
  },
  {
    sphere: 'employment',
    text: 'I want a job with a contract.',
    steps: [
      { what: 'Write my CV', who: 'team' },
      { what: 'Go to the job club on Thursdays', who: 'herself' },
      { what: 'Ask about the cooking course', who: 'partner' },
    ],
  },
  {
    sphere: 'legal_status',
    text: 'I want my papers renewed on time.',
    steps: [
      { what: 'Gather the documents for the renewal', who: 'herself', supports: ['interpreter'] },
      { what: 'Book the appointment at the immigration office', who: 'reference' },
    ],
  },
  {
    sphere: 'physical_health',
    text: 'I want to sleep better and see a doctor.',
    steps: [
      { what: 'Register at the health centre', who: 'reference' },
      { what: 'Go to the first appointment', who: 'herself', supports: ['interpreter'] },
    ],
  },
];

const VICTORIES: { sphere: Sphere; text: string }[] = [
  { sphere: 'economic', text: 'Opened my first bank account.' },
  { sphere: 'education', text: 'Passed the A1 exam.' },
  { sphere: 'physical_health', text: 'Went to the doctor on my own.' },
  { sphere: 'social_relations', text: 'Cooked dinner for two friends from the course.' },
];

/** A blank 1×1 image: the demo's "signature" drawn on screen. */
const DEMO_SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const DAY = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) =>
  iso(new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * DAY));

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

function ownerOf(who: Who, input: PlanSeedCase, random: () => number): StepOwner {
  if (who === 'partner') return { kind: 'partner', partnerName: 'Language school' };
  if (who === 'reference') return { kind: 'staff', userId: input.referenceUserId };
  if (who === 'team' && input.teamUserIds.length > 0)
    return { kind: 'staff', userId: pick(random, input.teamUserIds) };
  return { kind: 'herself' };
}

function firstPlan(input: PlanSeedCase, startsOn: string, random: () => number): PlanContent {
  const ideas = shuffled(random, GOALS).slice(0, 2 + Math.floor(random() * 2));
  const goals: PlanGoal[] = ideas.map((idea) => ({
    id: randomUUID(),
    sphere: idea.sphere,
    text: idea.text,
    steps: idea.steps.map((step, i): PlanStep => {
      const targetOn = addDays(startsOn, 45 + i * 60 + Math.floor(random() * 40));
      return {
        id: randomUUID(),
        what: step.what,
        owner: ownerOf(step.who, input, random),
        targetOn,
        status: i === 0 ? 'in_progress' : 'planned',
        supports: step.supports ?? [],
      };
    }),
  }));
  return { startsOn, goals };
}

export async function seedCasePlan(
  tx: Tx,
  keyring: Keyring,
  input: PlanSeedCase,
  random: () => number,
  now: Date,
): Promise<void> {
  const seal = planSeal(keyring, input.dataKey);
  const today = iso(now);
  const daysOpen = Math.max(0, Math.floor((now.getTime() - input.openedAt.getTime()) / DAY));
  const startsOn = addDays(iso(input.openedAt), Math.min(14, daysOpen));
  const v1 = firstPlan(input, startsOn, random);
  const base = {
    organizationId: input.organizationId,
    participantId: input.participantId,
    createdByUserId: input.referenceUserId,
    updatedByUserId: input.referenceUserId,
    agreementRecordedByUserId: input.referenceUserId,
  };

  // A review some months later, once there was time for a step to be done.
  const reviewOn = addDays(startsOn, 60 + Math.floor(random() * 60));
  const reviewed = reviewOn <= today && random() < 0.5;
  const v1Id = randomUUID();
  await tx.insert(planVersion).values({
    ...base,
    id: v1Id,
    version: 1,
    status: reviewed ? 'superseded' : 'agreed',
    startsOn,
    contentEnc: seal.content(v1Id, v1),
    revision: 3,
    agreementMethod: 'signature',
    agreementEnc: seal.agreement(v1Id, {
      signature: DEMO_SIGNATURE,
      witnessName: null,
      note: 'Read through with her, step by step.',
    }),
    agreedOn: startsOn,
    updatedAt: new Date(`${startsOn}T12:00:00Z`),
    createdAt: new Date(`${startsOn}T10:00:00Z`),
  });
  if (reviewed) {
    // At the review, steps whose day had come were mostly done; at least one always was.
    const v2 = nextPlanDraft(v1, reviewOn);
    const steps = v2.goals.flatMap((goal) => goal.steps);
    for (const step of steps) {
      if (step.targetOn <= reviewOn) step.status = random() < 0.8 ? 'done' : 'in_progress';
    }
    const first = steps[0];
    if (first && !steps.some((step) => step.status === 'done')) first.status = 'done';
    const v2Id = randomUUID();
    await tx.insert(planVersion).values({
      ...base,
      id: v2Id,
      version: 2,
      status: 'agreed',
      startsOn,
      contentEnc: seal.content(v2Id, v2),
      revision: 2,
      basedOnVersion: 1,
      agreementMethod: 'verbal_witnessed',
      agreementEnc: seal.agreement(v2Id, {
        signature: null,
        witnessName: `${syntheticFirstName(random)} (interpreter)`,
        note: 'She preferred to say it aloud.',
      }),
      agreedOn: reviewOn,
      updatedAt: new Date(`${reviewOn}T12:00:00Z`),
      createdAt: new Date(`${reviewOn}T10:00:00Z`),
    });
  }

  for (const victory of shuffled(random, VICTORIES).slice(0, 1 + Math.floor(random() * 2))) {
    const id = randomUUID();
    const span = Math.max(0, Math.floor((now.getTime() - new Date(`${startsOn}T00:00:00Z`).getTime()) / DAY));
    await tx.insert(milestone).values({
      id,
      organizationId: input.organizationId,
      participantId: input.participantId,
      sphere: victory.sphere,
      achievedOn: addDays(startsOn, Math.floor(random() * (span + 1))),
      textEnc: seal.milestone(id, victory.text),
      recordedByUserId: input.referenceUserId,
    });
  }

  if (random() < 0.6) {
    // A weekly course on Monday mornings for twelve weeks from next Monday…
    const nextMonday = addDays(today, (8 - now.getUTCDay()) % 7 || 7);
    const commitments: CommitmentContent[] = [
      {
        kind: 'course',
        title: 'Spanish course at the language school',
        date: nextMonday,
        startTime: '09:00',
        endTime: '13:00',
        repeatsWeeklyUntil: addDays(nextMonday, 77),
      },
    ];
    // …and, in some cases, a court hearing on one of those mornings.
    if (random() < 0.5) {
      commitments.push({
        kind: 'court_hearing',
        title: 'Hearing at the provincial court',
        date: addDays(nextMonday, 7 * (2 + Math.floor(random() * 6))),
        startTime: '11:00',
        endTime: '12:00',
        repeatsWeeklyUntil: null,
      });
    }
    for (const content of commitments) {
      const id = randomUUID();
      await tx.insert(commitment).values({
        id,
        organizationId: input.organizationId,
        participantId: input.participantId,
        contentEnc: seal.commitment(id, content),
        createdByUserId: input.referenceUserId,
      });
    }
  }
}
