/**
 * What her plan keeps sealed with her data key, and where each sealed value lives (the table,
 * column and record id bound into its ciphertext). Everything seals and opens through planSeal —
 * the plan routes, her file's export (case-file/export-itinerary.ts) and the demo seed
 * (demo/seed-plan.ts) alike — so the places are named only here.
 */
import type { CommitmentKind, PlanContent } from '@cope/domain';
import type { Keyring } from '../../security/keyring.js';

const planContentRef = (versionId: string) => ({
  table: 'plan_version',
  column: 'content',
  recordId: versionId,
});
const planAgreementRef = (versionId: string) => ({
  table: 'plan_version',
  column: 'agreement',
  recordId: versionId,
});
const milestoneTextRef = (milestoneId: string) => ({
  table: 'milestone',
  column: 'text',
  recordId: milestoneId,
});
const commitmentContentRef = (commitmentId: string) => ({
  table: 'commitment',
  column: 'content',
  recordId: commitmentId,
});

/** Her agreement as sealed: the drawn signature, or the witness's name, and a note. */
export interface AgreementContent {
  signature: string | null;
  witnessName: string | null;
  note: string;
}

/** A commitment as sealed: everything about it, times too (a court date says much). */
export interface CommitmentContent {
  kind: CommitmentKind;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  repeatsWeeklyUntil: string | null;
}

/** Sealing and opening her plan's parts with one data key. */
export function planSeal(keyring: Keyring, dataKey: Buffer) {
  const seal = (ref: { table: string; column: string; recordId: string }, value: unknown) =>
    keyring.sealWithKey(dataKey, ref, JSON.stringify(value));
  const open = <T>(ref: { table: string; column: string; recordId: string }, stored: string) =>
    JSON.parse(keyring.openWithKey(dataKey, ref, stored)) as T;
  return {
    content: (id: string, content: PlanContent) => seal(planContentRef(id), content),
    openContent: (id: string, stored: string) => open<PlanContent>(planContentRef(id), stored),
    agreement: (id: string, agreement: AgreementContent) => seal(planAgreementRef(id), agreement),
    openAgreement: (id: string, stored: string) => open<AgreementContent>(planAgreementRef(id), stored),
    milestone: (id: string, text: string) => keyring.sealWithKey(dataKey, milestoneTextRef(id), text),
    openMilestone: (id: string, stored: string) => keyring.openWithKey(dataKey, milestoneTextRef(id), stored),
    commitment: (id: string, content: CommitmentContent) => seal(commitmentContentRef(id), content),
    openCommitment: (id: string, stored: string) => open<CommitmentContent>(commitmentContentRef(id), stored),
  };
}
export type PlanSeal = ReturnType<typeof planSeal>;
