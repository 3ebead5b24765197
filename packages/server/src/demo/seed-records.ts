/**
 * Synthetic intake answers for the demo cases: identity (citizenship, documents, languages,
 * contact safety), journey, legal situation, family and the first screening, sealed with her
 * key like real records, with their blind indexes. Numbers are made up (phones in a fictional
 * range, documents with a DEMO prefix). Cases past intake have every step saved; a case still in
 * intake has only its first steps.
 */
import type { RecordSection, TSectionRecordData } from '@cope/contracts';
import {
  type CaseStatus,
  CONTACT_CHANNELS,
  CONTROL_METHODS,
  type CountryCode,
  DEPENDANT_LOCATIONS,
  DEPENDANT_RELATIONS,
  DOCUMENT_KINDS,
  EXPLOITATION_FORMS,
  INTAKE_STEP_SECTION,
  INTAKE_STEPS,
  type IntakeStep,
  type LanguageCode639,
  LEGAL_SITUATIONS,
  REFERRAL_SOURCES,
  TRI_STATE,
} from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../db/schema.js';
import type { Tx } from '../db/tenant.js';
import { probeOf, writeLookups } from '../resources/intake/lookups.js';
import { type RecordData, writeRecord } from '../resources/intake/record-store.js';
import type { Keyring } from '../security/keyring.js';
import { pick } from './names.js';

/** Countries of origin and the languages spoken there (synthetic pairing for the demo). */
const ORIGINS: { country: CountryCode; languages: LanguageCode639[] }[] = [
  { country: 'NG', languages: ['en', 'yo'] },
  { country: 'RO', languages: ['ro'] },
  { country: 'MD', languages: ['ro', 'ru'] },
  { country: 'UA', languages: ['uk', 'ru'] },
  { country: 'AL', languages: ['sq'] },
  { country: 'PY', languages: ['es', 'gn'] },
  { country: 'CO', languages: ['es'] },
  { country: 'BR', languages: ['pt'] },
  { country: 'VN', languages: ['vi'] },
  { country: 'CN', languages: ['zh'] },
  { country: 'MA', languages: ['ar', 'fr'] },
  { country: 'NP', languages: ['ne', 'en'] },
];

const SAFE_TIMES = ['Weekday mornings', 'After 18:00', 'Tuesdays and Thursdays, 10–12', 'Only at the centre'];

function some<T>(random: () => number, items: readonly T[], most: number): T[] {
  const count = 1 + Math.floor(random() * most);
  return [...new Set(Array.from({ length: count }, () => pick(random, items)))];
}

const digits = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

export function demoRecords(
  random: () => number,
  openedAt: Date,
): { [S in IntakeStep]: Required<Pick<RecordData, S>> } {
  const origin = pick(random, ORIGINS);
  const arrival = new Date(openedAt.getTime() - (30 + Math.floor(random() * 900)) * 86_400_000);
  const children = random() < 0.45 ? 1 + Math.floor(random() * 2) : 0;
  const answer = () => (random() < 0.2 ? 'yes' : random() < 0.5 ? 'unknown' : 'no');
  return {
    person: {
      person: {
        preferredName: '',
        legalName: '',
        birthDate: '',
        approximateAge: null,
        citizenship: origin.country,
        documents:
          random() < 0.7 ? [{ kind: pick(random, DOCUMENT_KINDS), number: `DEMO-${digits(random, 7)}` }] : [],
      },
    },
    languages: {
      languages: {
        languages: [
          ...new Set<LanguageCode639>([...origin.languages, ...(random() < 0.5 ? ['es' as const] : [])]),
        ],
        preferredLanguage: origin.languages[0] ?? null,
        interpreterNeeded: !origin.languages.includes('es') && random() < 0.7,
      },
    },
    journey: {
      journey: {
        arrivalDate: arrival.toISOString().slice(0, 10),
        referralSource: pick(random, REFERRAL_SOURCES),
        traffickingStatus: random() < 0.6 ? 'confirmed' : 'possible',
        exploitationForms: some(random, EXPLOITATION_FORMS.slice(0, 7), 2),
        controlMethods: some(random, CONTROL_METHODS, 3),
      },
    },
    legal: {
      legal: {
        asylumSeeker: random() < 0.4 ? 'yes' : 'no',
        legalSituations: some(random, LEGAL_SITUATIONS, 2),
      },
    },
    family: {
      family: {
        dependants: Array.from({ length: children }, () => ({
          relation: random() < 0.8 ? 'child' : pick(random, DEPENDANT_RELATIONS),
          age: Math.floor(random() * 16),
          where: pick(random, DEPENDANT_LOCATIONS),
          needs: random() < 0.5 ? 'School enrolment' : '',
        })),
      },
    },
    contact: {
      contact: {
        phones: [`+34 699 ${digits(random, 3)} ${digits(random, 3)}`],
        address: '',
        safeChannels: some(random, CONTACT_CHANNELS, 2),
        safeTimes: pick(random, SAFE_TIMES),
        mayLeaveMessage: random() < 0.3 ? 'yes' : 'no',
        codeWord: pick(random, ['sunflower', 'blue door', 'river', 'lemon tree']),
      },
    },
    screening: {
      screening: {
        immediateDanger: random() < 0.1 ? 'yes' : pick(random, TRI_STATE.slice(1)),
        exploitersKnowAddress: answer(),
        ongoingContact: answer(),
        note: '',
      },
    },
  };
}

/** Seals one demo case's records and writes her blind indexes and list columns. */
export async function seedRecords(
  tx: Tx,
  keyring: Keyring,
  input: {
    organizationId: string;
    participantId: string;
    dataKey: Buffer;
    status: CaseStatus;
    protectedWitness: boolean;
    identity: { preferredName: string; legalName: string; birthDate: string };
    authorUserId: string;
    openedAt: Date;
  },
  random: () => number,
): Promise<void> {
  const answers = demoRecords(random, input.openedAt);
  if (input.protectedWitness) {
    const legal = answers.legal.legal;
    legal.legalSituations = [...new Set([...legal.legalSituations, 'protected_witness' as const])];
  }
  // A case still in intake has its first steps saved; the others are complete.
  const steps =
    input.status === 'intake' ? INTAKE_STEPS.slice(0, 1 + Math.floor(random() * 4)) : INTAKE_STEPS;
  const bySection = new Map<RecordSection, TSectionRecordData>();
  for (const step of steps) {
    const section = INTAKE_STEP_SECTION[step] as RecordSection;
    bySection.set(section, { ...bySection.get(section), ...answers[step] });
  }
  for (const [section, data] of bySection) {
    const next =
      section === 'identity' && data.person
        ? { ...data, person: { ...data.person, ...input.identity } }
        : data;
    await writeRecord(tx, keyring, input.dataKey, {
      organizationId: input.organizationId,
      participantId: input.participantId,
      section,
      previous: { version: 0, data: {}, changes: [], updatedAt: null, updatedBy: null },
      next,
      userId: input.authorUserId,
    });
    if (section === 'identity') {
      await writeLookups(tx, keyring, input.organizationId, input.participantId, probeOf(next));
    }
  }
  await tx
    .update(participant)
    .set({
      intakeSteps: [...steps],
      legalSituations: bySection.get('legal')?.legal?.legalSituations ?? [],
      createdByUserId: input.authorUserId,
    })
    .where(eq(participant.id, input.participantId));
}
