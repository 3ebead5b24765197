/**
 * Answers of the identity record that are shown only when asked for, as her legal identity is on
 * the case page: legal name, date of birth and address. Asking is audited as a reveal; for a
 * protected witness it needs a second factor from the last five minutes. Editing those parts
 * needs them shown first, so it asks for the same.
 */

import { recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/tenant.js';
import { requireStepUp } from '../../http/step-up.js';
import type { Viewer } from '../auth/sessions.js';
import type { CaseContext } from './case-context.js';
import { type RecordData, valueAt } from './record-store.js';

export const CONCEALED_FIELDS = ['person.legalName', 'person.birthDate', 'contact.address'] as const;

const isConcealed = (field: string) => (CONCEALED_FIELDS as readonly string[]).includes(field);

/** The record with concealed answers blanked, and which of them hold a value. */
export function conceal(data: RecordData): { data: RecordData; concealed: string[] } {
  const concealed = CONCEALED_FIELDS.filter((field) => Boolean(valueAt(data, field)));
  const copy: RecordData = { ...data };
  if (copy.person) copy.person = { ...copy.person, legalName: '', birthDate: '' };
  if (copy.contact) copy.contact = { ...copy.contact, address: '' };
  return { data: copy, concealed };
}

/** Conflict details never show a concealed answer of a part the editor did not send. */
export function concealChanges(changes: { field: string; theirs: unknown }[], sentSteps: readonly string[]) {
  return changes.map((change) =>
    isConcealed(change.field) && !sentSteps.includes(change.field.split('.')[0] ?? '')
      ? { field: change.field, theirs: null }
      : change,
  );
}

/** Showing or editing concealed answers: step-up for a protected witness, and an audited reveal. */
export async function reveal(tx: Tx, viewer: Viewer, ctx: CaseContext): Promise<void> {
  if (ctx.row.isProtectedWitness) requireStepUp(viewer);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.reveal_identity',
    resourceType: 'participant',
    resourceId: ctx.row.id,
    section: 'identity',
  });
}
