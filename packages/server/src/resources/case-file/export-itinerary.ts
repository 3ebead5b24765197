/**
 * The itinerary part of her file: her needs per sphere with her own ranking, every version of her
 * plan with her agreement (whether she signed, never the drawn image), her milestones and fixed
 * commitments, and her monitoring rounds with both ratings. Each part is included only for an
 * exporter who may open its section (needs, plan, monitoring) in full, and within it what one
 * sphere says is guarded by that sphere's own section (SPHERE_SECTION), as on her screens: a
 * closed sphere's needs are listed by code only, a closed sphere's rating reasons are left out.
 */
import type { TCaseFileExport } from '@cope/contracts';
import type { ConsentFormLanguage, PlanStep, Section, Sphere } from '@cope/domain';
import { CONSENT_FORM_LANGUAGES, SPHERE_SECTION, SPHERES } from '@cope/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { participant } from '../../db/schema.js';
import { commitment, milestone, monitoringRound, planVersion } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import { withheldSpheres, withholdReasons } from '../monitoring/content.js';
import { openRound } from '../monitoring/presenters.js';
import { needsRows, openNeeds } from '../needs/content.js';
import { prioritiesOf } from '../needs/presenters.js';
import { planSeal } from '../plan/content.js';

type Itinerary = NonNullable<TCaseFileExport['itinerary']>;

const isLanguage = (value: string | null): value is ConsentFormLanguage =>
  (CONSENT_FORM_LANGUAGES as readonly (string | null)[]).includes(value);

interface Input {
  participantId: string;
  dataKey: Buffer | null;
  name: (id: string | null) => string | null;
  /** Sections the exporting professional may open in full. */
  fullSections: ReadonlySet<Section>;
}

/** Her itinerary, or null when the exporter may open none of its three sections. */
export async function itineraryOf(tx: Tx, keyring: Keyring, input: Input): Promise<Itinerary | null> {
  const full = (section: Section) => input.fullSections.has(section);
  if (!full('needs') && !full('plan') && !full('monitoring')) return null;
  return {
    needs: full('needs') ? await needsOf(tx, keyring, input) : null,
    plan: full('plan') ? await planOf(tx, keyring, input) : null,
    monitoring: full('monitoring') ? await monitoringOf(tx, keyring, input) : null,
  };
}

async function needsOf(tx: Tx, keyring: Keyring, input: Input): Promise<Itinerary['needs']> {
  const { participantId, dataKey, name } = input;
  const opened = SPHERES.filter((sphere) => input.fullSections.has(SPHERE_SECTION[sphere]));
  // Only the spheres the exporter may open are read at all.
  const rows = opened.length > 0 ? await needsRows(tx, participantId, opened) : [];
  const bySphere = new Map(rows.map((row) => [row.sphere, row]));
  const [caseRow] = await tx
    .select({ priorities: participant.priorities })
    .from(participant)
    .where(eq(participant.id, participantId));
  return {
    spheres: opened.flatMap((sphere) => {
      const row = bySphere.get(sphere);
      if (!row) return [];
      const content = dataKey ? openNeeds(keyring, dataKey, row) : null;
      return [
        {
          sphere,
          version: row.version,
          updatedAt: row.updatedAt.toISOString(),
          updatedBy: name(row.updatedByUserId),
          situation: content?.situation ?? null,
          situationNote: content?.situationNote ?? null,
          herWords: content?.herWords ?? null,
          professionalNeeds: content?.professionalNeeds ?? null,
        },
      ];
    }),
    withheld: SPHERES.filter((sphere) => !opened.includes(sphere)),
    priorities: prioritiesOf(caseRow?.priorities ?? []),
  };
}

async function planOf(tx: Tx, keyring: Keyring, input: Input): Promise<Itinerary['plan']> {
  const { participantId, dataKey, name } = input;
  const seal = dataKey ? planSeal(keyring, dataKey) : null;
  const versions = await tx
    .select()
    .from(planVersion)
    .where(eq(planVersion.participantId, participantId))
    .orderBy(asc(planVersion.version));
  const milestones = await tx
    .select()
    .from(milestone)
    .where(eq(milestone.participantId, participantId))
    .orderBy(asc(milestone.achievedOn), asc(milestone.createdAt));
  const commitments = await tx
    .select()
    .from(commitment)
    .where(and(eq(commitment.participantId, participantId), isNull(commitment.removedAt)))
    .orderBy(asc(commitment.createdAt));

  const stepOf = (step: PlanStep) => ({
    what: step.what,
    owner: step.owner.kind,
    ownerName:
      step.owner.kind === 'staff'
        ? name(step.owner.userId ?? null)
        : step.owner.kind === 'partner'
          ? (step.owner.partnerName ?? null)
          : null,
    targetOn: step.targetOn,
    status: step.status,
    droppedReason: step.droppedReason ?? null,
    supports: step.supports,
  });

  return {
    versions: versions.map((v) => {
      const content = seal ? seal.openContent(v.id, v.contentEnc) : null;
      const agreement = seal && v.agreementEnc ? seal.openAgreement(v.id, v.agreementEnc) : null;
      return {
        version: v.version,
        status: v.status,
        startsOn: v.startsOn,
        updatedAt: v.updatedAt.toISOString(),
        goals:
          content?.goals.map((goal) => ({
            sphere: goal.sphere,
            text: goal.text,
            steps: goal.steps.map(stepOf),
          })) ?? null,
        agreement:
          v.agreementMethod && v.agreedOn
            ? {
                method: v.agreementMethod,
                agreedOn: v.agreedOn,
                witnessName: agreement?.witnessName ?? null,
                note: agreement?.note ?? null,
                // Whether she signed; the drawn image itself never leaves the server.
                signed: agreement ? Boolean(agreement.signature) : v.agreementMethod === 'signature',
                recordedBy: name(v.agreementRecordedByUserId),
              }
            : null,
      };
    }),
    milestones: milestones.map((m) => ({
      sphere: m.sphere as Sphere,
      achievedOn: m.achievedOn,
      text: seal ? seal.openMilestone(m.id, m.textEnc) : null,
      recordedBy: name(m.recordedByUserId),
    })),
    commitments: commitments.map((c) => {
      const content = seal ? seal.openCommitment(c.id, c.contentEnc) : null;
      return {
        kind: content?.kind ?? null,
        title: content?.title ?? null,
        date: content?.date ?? null,
        startTime: content?.startTime ?? null,
        endTime: content?.endTime ?? null,
        repeatsWeeklyUntil: content?.repeatsWeeklyUntil ?? null,
        recordedAt: c.createdAt.toISOString(),
      };
    }),
  };
}

async function monitoringOf(tx: Tx, keyring: Keyring, input: Input): Promise<Itinerary['monitoring']> {
  const { participantId, dataKey, name } = input;
  const rows = await tx
    .select()
    .from(monitoringRound)
    .where(eq(monitoringRound.participantId, participantId))
    .orderBy(asc(monitoringRound.heldOn), asc(monitoringRound.createdAt));
  const withheld = withheldSpheres((section) => input.fullSections.has(section));
  return {
    rounds: rows.map((row) => {
      const round = openRound(keyring, dataKey, row);
      return {
        heldOn: row.heldOn,
        scaleVersion: row.scaleVersion,
        status: row.status,
        professional: round.professional ? withholdReasons(round.professional, withheld) : null,
        professionalBy: name(row.professionalByUserId),
        self: round.self ? withholdReasons(round.self, withheld) : null,
        selfLanguage: isLanguage(row.selfLanguage) ? row.selfLanguage : null,
        selfDeclined: row.selfDeclined,
        selfRecordedAt: row.selfRecordedAt?.toISOString() ?? null,
        completedAt: row.completedAt?.toISOString() ?? null,
      };
    }),
    reasonsWithheld: SPHERES.filter((sphere) => withheld.has(sphere)),
  };
}
