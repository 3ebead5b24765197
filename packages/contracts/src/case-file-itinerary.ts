/** The itinerary part of her file: needs, plan and monitoring, each part under its own section. */
import {
  AGREEMENT_METHODS,
  COMMITMENT_KINDS,
  CONSENT_FORM_LANGUAGES,
  STEP_OWNER_KINDS,
  STEP_STATUSES,
  STEP_SUPPORTS,
} from '@cope/domain';
import { z } from 'zod';
import { ZRatings } from './monitoring.js';
import { ZSphere } from './needs.js';

const person = z.string().nullable().meta({ description: 'A professional’s name, as recorded.' });
/** A value sealed with her key: null once she was erased. */
const sealed = z.string().nullable();

export const ZCaseFileItinerary = z.object({
  needs: z
    .object({
      spheres: z.array(
        z.object({
          sphere: ZSphere,
          version: z.number().int(),
          updatedAt: z.string(),
          updatedBy: person,
          situation: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
          situationNote: sealed,
          herWords: sealed,
          professionalNeeds: sealed,
        }),
      ),
      withheld: z.array(ZSphere).meta({
        description: 'Spheres left out: the exporter may not open their own section in full.',
      }),
      priorities: z.array(ZSphere).meta({ description: 'Her own ranking, most important first.' }),
    })
    .nullable()
    .meta({ description: 'Null when the exporter may not open her needs section.' }),
  plan: z
    .object({
      versions: z.array(
        z.object({
          version: z.number().int(),
          status: z.enum(['draft', 'agreed', 'superseded']),
          startsOn: z.string(),
          updatedAt: z.string(),
          goals: z
            .array(
              z.object({
                sphere: ZSphere,
                text: z.string(),
                steps: z.array(
                  z.object({
                    what: z.string(),
                    owner: z.enum(STEP_OWNER_KINDS),
                    ownerName: person.meta({ description: 'The team member or partner; null: herself.' }),
                    targetOn: z.string(),
                    status: z.enum(STEP_STATUSES),
                    droppedReason: z.string().nullable(),
                    supports: z.array(z.enum(STEP_SUPPORTS)),
                  }),
                ),
              }),
            )
            .nullable(),
          agreement: z
            .object({
              method: z.enum(AGREEMENT_METHODS),
              agreedOn: z.string(),
              witnessName: sealed,
              note: sealed,
              signed: z.boolean().meta({ description: 'She signed on screen; the image stays out.' }),
              recordedBy: person,
            })
            .nullable(),
        }),
      ),
      milestones: z.array(
        z.object({ sphere: ZSphere, achievedOn: z.string(), text: sealed, recordedBy: person }),
      ),
      commitments: z.array(
        z.object({
          kind: z.enum(COMMITMENT_KINDS).nullable(),
          title: sealed,
          date: sealed,
          startTime: sealed,
          endTime: sealed,
          repeatsWeeklyUntil: sealed,
          recordedAt: z.string(),
        }),
      ),
    })
    .nullable()
    .meta({ description: 'Versions oldest first; null when the exporter may not open her plan section.' }),
  monitoring: z
    .object({
      rounds: z.array(
        z.object({
          heldOn: z.string(),
          scaleVersion: z.number().int(),
          status: z.enum(['draft', 'complete']),
          professional: ZRatings.nullable(),
          professionalBy: person,
          self: ZRatings.nullable().meta({ description: 'Her own rating, as she gave it.' }),
          selfLanguage: z.enum(CONSENT_FORM_LANGUAGES).nullable(),
          selfDeclined: z.boolean(),
          selfRecordedAt: z.string().nullable(),
          completedAt: z.string().nullable(),
        }),
      ),
      reasonsWithheld: z.array(ZSphere).meta({
        description:
          'Spheres whose reasons are left out (steps stay): their section is closed to the exporter.',
      }),
    })
    .nullable()
    .meta({
      description: 'Rounds oldest first; null when the exporter may not open her monitoring section.',
    }),
});
