/**
 * The case team: her reference professional (key worker), the colleagues working with her, and
 * the handovers between reference professionals. Continuity matters to her, so every change of
 * reference is counted and shown.
 */
import { STAFF_ROLES } from '@cope/domain';
import { z } from 'zod';

const ZUserId = z.uuid({ message: 'Choose a colleague from the list.' });

export const ZTeamMember = z
  .object({
    id: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    /** On her team since (for the reference: since she became the reference). */
    since: z.string(),
    isReference: z.boolean(),
  })
  .meta({ id: 'TeamMember' });
export type TTeamMember = z.infer<typeof ZTeamMember>;

const ZPersonRef = z.object({ id: z.string(), displayName: z.string() });

export const ZHandover = z
  .object({
    id: z.string(),
    at: z.string(),
    from: ZPersonRef.nullable(),
    to: ZPersonRef,
    by: ZPersonRef,
    note: z
      .string()
      .nullable()
      .meta({ description: 'Null when the viewer is not on her team (or a coordinator), or after erasure.' }),
    noteHidden: z.boolean(),
  })
  .meta({ id: 'Handover' });
export type THandover = z.infer<typeof ZHandover>;

export const ZCaseTeam = z
  .object({
    reference: ZTeamMember.nullable(),
    members: z.array(ZTeamMember),
    /** How many times her reference professional changed. */
    referenceChanges: z.number().int(),
    handovers: z.array(ZHandover),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'CaseTeam' });
export type TCaseTeam = z.infer<typeof ZCaseTeam>;

export const ZAddTeamMemberRequest = z.strictObject({ userId: ZUserId });
export type TAddTeamMemberRequest = z.infer<typeof ZAddTeamMemberRequest>;

export const ZTeamMemberParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  userId: z.uuid({ message: 'This is not a valid staff member id.' }),
});

export const HANDOVER_NOTE_MIN = 20;

export const ZHandoverRequest = z.strictObject({
  toUserId: ZUserId,
  note: z
    .string()
    .trim()
    .min(HANDOVER_NOTE_MIN, {
      message: `Write a handover note of at least ${HANDOVER_NOTE_MIN} characters for the new reference professional.`,
    })
    .max(5000, { message: 'Keep the handover note under 5,000 characters.' }),
});
export type THandoverRequest = z.infer<typeof ZHandoverRequest>;

/** Colleagues who can work on cases: names and roles only, for choosing team members. */
export const ZStaffDirectory = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        roles: z.array(z.enum(STAFF_ROLES)),
        /** Her role lets her be a reference professional (she may open cases). */
        canBeReference: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'StaffDirectory' });
export type TStaffDirectory = z.infer<typeof ZStaffDirectory>;
