/**
 * Where each value sealed with her data key lives: the table, column and record id bound into
 * its ciphertext. Reading her file must name the same place the writer named, or nothing opens,
 * so the places come from the modules that write them where those export them.
 */
import type { FieldRef } from '../../security/keyring.js';
import { scanRef, withdrawalNoteRef } from '../consents/refs.js';

export const SEALED = {
  caseNote: (noteId: string): FieldRef => ({ table: 'case_note', column: 'body', recordId: noteId }),
  withdrawalNote: (consentId: string): FieldRef => withdrawalNoteRef(consentId),
  /** As case-team/service.ts seals handover notes. */
  handoverNote: (handoverId: string): FieldRef => ({
    table: 'reference_handover',
    column: 'note',
    recordId: handoverId,
  }),
  /** Scans are sealed as base64 text (consents/scan.ts). */
  scan: (attachmentId: string): FieldRef => scanRef(attachmentId),
};
