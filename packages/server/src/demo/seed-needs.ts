/**
 * Synthetic needs assessments for the demo: about eight spheres per case, each with a situation
 * in the sphere's structured fields, a short note, what she says she needs and what her
 * reference sees; about one case in five has an unmet basic need, flagged on her case as the
 * server would flag it. Her own ranking names three to five spheres. Every sentence is invented.
 */
import { randomUUID } from 'node:crypto';
import { basicNeedCode, type Situation, SPHERES, type Sphere, unmetBasicNeedSources } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../db/schema.js';
import { needsAssessment } from '../db/schema-itinerary.js';
import type { Tx } from '../db/tenant.js';
import { sealNeeds } from '../resources/needs/content.js';
import type { Keyring } from '../security/keyring.js';
import { pick } from './names.js';

interface Texts {
  notes: readonly string[];
  herWords: readonly string[];
  professional: readonly string[];
}

const TEXTS: Record<Sphere, Texts> = {
  housing: {
    notes: [
      'She shares a flat with two other women.',
      'She lives in the shelter for now.',
      'She rents a small room.',
    ],
    herWords: ['I want a place with a lock on the door.', 'I would like to live near the school.'],
    professional: ['Help with a rental deposit.', 'Look for a social housing place.'],
  },
  legal_status: {
    notes: ['Her permit renewal is in progress.', 'She is waiting for an appointment at the office.'],
    herWords: ['I need my papers so I can work.', 'I want to understand my permit.'],
    professional: ['Book a lawyer for the renewal.', 'Collect the documents for the appointment.'],
  },
  employment: {
    notes: ['She works a few hours in a kitchen.', 'She is looking for her first job here.'],
    herWords: ['I want a job with a contract.', 'I would like to work in a shop.'],
    professional: ['Prepare a CV together.', 'Refer her to the job placement service.'],
  },
  education: {
    notes: ['She goes to language classes twice a week.', 'She finished primary school at home.'],
    herWords: ['I want to speak better at the doctor.', 'I would like a cooking course.'],
    professional: ['Enrol her in the next language level.', 'Look for a vocational course.'],
  },
  safety: {
    notes: ['She feels safer since she moved.', 'She still avoids the old neighbourhood.'],
    herWords: ['I want to walk to class without fear.', 'I want to change my phone number.'],
    professional: ['Review her route to class with her.', 'Keep the safety plan up to date.'],
  },
  social_environment: {
    notes: ['She met neighbours at the community centre.', 'Some neighbours are unkind to her.'],
    herWords: ['I want people to see me as a person.', 'I would like to feel welcome here.'],
    professional: ['Introduce her to the women’s group.', 'Talk about what to do if she is insulted.'],
  },
  social_relations: {
    notes: ['She has one close friend from class.', 'She spends most evenings alone.'],
    herWords: ['I would like to have friends here.', 'I want to meet women from my country.'],
    professional: [
      'Invite her to the Saturday activities.',
      'Find a peer supporter who speaks her language.',
    ],
  },
  economic: {
    notes: ['She receives a small monthly allowance.', 'Her wages cover rent but little else.'],
    herWords: ['I want to send money to my mother.', 'I want to pay what I owe and be free.'],
    professional: ['Apply for the minimum income.', 'Plan a monthly budget with her.'],
  },
  physical_health: {
    notes: ['She has a family doctor now.', 'She has back pain from her old work.'],
    herWords: ['I want my teeth to stop hurting.', 'I want to sleep without pain.'],
    professional: ['Book a dental appointment.', 'Go with her to the first doctor visit.'],
  },
  mental_health: {
    notes: ['She sees a psychologist every two weeks.', 'She has nightmares some nights.'],
    herWords: ['I want to feel calm again.', 'I want someone to talk to.'],
    professional: ['Keep the counselling appointments.', 'Offer a support group in her language.'],
  },
  access_to_services: {
    notes: ['She knows where the health centre is.', 'She has not used public services yet.'],
    herWords: ['I want to know what help I can ask for.', 'I want to do things on my own.'],
    professional: ['Show her how to book appointments.', 'Explain her rights as a victim.'],
  },
  motivation: {
    notes: ['She comes to every meeting on time.', 'Some weeks she feels tired of everything.'],
    herWords: ['I want to build a new life here.', 'I want my children to be proud of me.'],
    professional: ['Celebrate small steps with her.', 'Keep goals short and concrete for now.'],
  },
  legal_proceedings: {
    notes: ['Her case is with the prosecutor.', 'She decided not to report for now.'],
    herWords: ['I want to know what happens in court.', 'I want to be left in peace.'],
    professional: [
      'Prepare her for the hearing with the lawyer.',
      'Respect her decision and check in again later.',
    ],
  },
  family: {
    notes: ['Her son lives with her.', 'Her daughter stays with her grandmother abroad.'],
    herWords: ['I want my son to go to school here.', 'I want to call my family every week.'],
    professional: ['Find a nursery place.', 'Look into family reunification.'],
  },
};

const YES_MOSTLY = (random: () => number) => (random() < 0.8 ? 'yes' : 'not_known');

/** A plausible situation for the sphere; `unmet` names the basic need this case lacks, if any. */
function situationFor(sphere: Sphere, random: () => number, unmet: string | null): Situation {
  switch (sphere) {
    case 'housing':
      return unmet === 'safe_housing'
        ? { housing_type: pick(random, ['no_fixed_home', 'employer_provided'] as const), housing_safe: 'no' }
        : {
            housing_type: pick(random, ['shelter', 'safe_house', 'shared_flat', 'rented_alone'] as const),
            housing_safe: 'yes',
            housing_affordable: YES_MOSTLY(random),
          };
    case 'legal_status':
      return {
        permit_type: pick(random, [
          'application_pending',
          'victim_of_trafficking_permit',
          'asylum_seeker',
        ] as const),
        permit_expires_on: `${2027 + Math.floor(random() * 2)}-0${1 + Math.floor(random() * 9)}-15`,
        allowed_to_work: random() < 0.6 ? 'yes' : 'no',
      };
    case 'employment': {
      const working = random() < 0.4;
      return working
        ? {
            employment_status: 'employed',
            contract_type: 'temporary',
            hours_per_week: 10 + Math.floor(random() * 25),
          }
        : { employment_status: pick(random, ['not_working', 'looking_for_work', 'in_training'] as const) };
    }
    case 'education':
      return { language_level: pick(random, ['A1', 'A2', 'B1'] as const), in_course: YES_MOSTLY(random) };
    case 'economic':
      return {
        monthly_income: 300 + Math.floor(random() * 8) * 50,
        monthly_basic_costs: 400 + Math.floor(random() * 6) * 50,
        food_covered: unmet === 'food' ? 'no' : 'yes',
        clothing_covered: unmet === 'food' ? 'no' : YES_MOSTLY(random),
        has_debts: random() < 0.3 ? 'yes' : 'no',
      };
    case 'physical_health':
      return { health_card: 'yes', health_care_access: unmet === 'health_care' ? 'no' : 'yes' };
    case 'mental_health':
      return { support_in_place: random() < 0.7 ? 'yes' : 'not_known' };
    case 'access_to_services':
      return { knows_her_rights: YES_MOSTLY(random) };
    case 'legal_proceedings':
      return random() < 0.5
        ? { proceedings_open: 'yes', next_hearing_on: `2027-0${1 + Math.floor(random() * 9)}-10` }
        : { proceedings_open: 'no' };
    case 'family': {
      const children = Math.floor(random() * 3);
      return { children_here: children, children_in_school: children === 0 ? 'not_applicable' : 'all' };
    }
    default:
      return {};
  }
}

/** The basic-need spheres always, then others drawn at random until about eight. */
function spheresFor(random: () => number): Sphere[] {
  const chosen = new Set<Sphere>(['housing', 'economic', 'physical_health']);
  const target = 7 + Math.floor(random() * 3);
  while (chosen.size < target) chosen.add(pick(random, SPHERES));
  return SPHERES.filter((sphere) => chosen.has(sphere));
}

export interface NeedsSeedCase {
  organizationId: string;
  participantId: string;
  dataKey: Buffer;
  referenceUserId: string;
  openedAt: Date;
}

export async function seedCaseNeeds(
  tx: Tx,
  keyring: Keyring,
  input: NeedsSeedCase,
  random: () => number,
  now: Date,
): Promise<void> {
  const unmet = random() < 0.2 ? pick(random, ['safe_housing', 'food', 'health_care'] as const) : null;
  const spheres = spheresFor(random);
  const situations: Partial<Record<Sphere, Situation>> = {};
  const span = Math.max(1, now.getTime() - input.openedAt.getTime());
  for (const sphere of spheres) {
    const texts = TEXTS[sphere];
    const situation = situationFor(sphere, random, unmet);
    situations[sphere] = situation;
    const id = randomUUID();
    const updatedAt = new Date(input.openedAt.getTime() + Math.floor(random() * span));
    await tx.insert(needsAssessment).values({
      id,
      organizationId: input.organizationId,
      participantId: input.participantId,
      sphere,
      version: 1 + Math.floor(random() * 3),
      contentEnc: sealNeeds(keyring, input.dataKey, id, {
        situation,
        situationNote: pick(random, texts.notes),
        herWords: pick(random, texts.herWords),
        professionalNeeds: pick(random, texts.professional),
      }),
      updatedByUserId: input.referenceUserId,
      updatedAt,
      createdAt: updatedAt,
    });
  }
  // Her ranking: basic needs first when one is unmet, then what matters to her.
  const first: Record<NonNullable<typeof unmet>, Sphere> = {
    safe_housing: 'housing',
    food: 'economic',
    health_care: 'physical_health',
  };
  const ranked = new Set<Sphere>(unmet ? [first[unmet]] : []);
  const wanted = 3 + Math.floor(random() * 3);
  while (ranked.size < wanted) ranked.add(pick(random, spheres));
  await tx
    .update(participant)
    .set({ unmetBasicNeeds: unmetBasicNeedSources(situations).map(basicNeedCode), priorities: [...ranked] })
    .where(eq(participant.id, input.participantId));
}
