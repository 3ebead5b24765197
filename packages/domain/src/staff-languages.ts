/**
 * The languages the staff interface and its built-in content (scale descriptors, guidance) are
 * written in. The first is the fallback. Documents printed for her use the wider set of consent
 * form languages (consent.ts); this list only says what staff can read the product in.
 */
export const STAFF_LANGUAGES = ['en', 'es', 'it', 'ca'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

export function isStaffLanguage(value: unknown): value is StaffLanguage {
  return typeof value === 'string' && (STAFF_LANGUAGES as readonly string[]).includes(value);
}
