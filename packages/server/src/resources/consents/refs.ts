/** Where her sealed consent data lives (bound into each ciphertext as associated data). */
export const withdrawalNoteRef = (consentId: string) => ({
  table: 'consent',
  column: 'withdrawal_note',
  recordId: consentId,
});

/** A signed scan's bytes, base64 inside the seal. */
export const scanRef = (attachmentId: string) => ({
  table: 'attachment',
  column: 'data',
  recordId: attachmentId,
});
