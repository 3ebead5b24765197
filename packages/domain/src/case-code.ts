/**
 * Pseudonymous case codes (DOMAIN.md "The case"). Lists, tasks and notifications show the code,
 * never her name. The format is configurable per organization with three placeholders:
 * `{PREFIX}`, `{YYYY}` (year the case was opened) and `{SEQ}` / `{SEQn}` (sequence number within
 * that year, zero-padded to n digits, default 4). Example: `{PREFIX}-{YYYY}-{SEQ4}` → BCN-2026-0042.
 */
export const DEFAULT_CASE_CODE_FORMAT = '{PREFIX}-{YYYY}-{SEQ4}';

const PLACEHOLDER = /\{(PREFIX|YYYY|SEQ(\d)?)\}/g;

export type CaseCodeFormatProblem = 'missing_sequence' | 'unknown_placeholder' | 'unsafe_characters';

/** Checks an organization's format before it is saved. Returns the problems found (none: valid). */
export function checkCaseCodeFormat(format: string): CaseCodeFormatProblem[] {
  const problems: CaseCodeFormatProblem[] = [];
  if (!/\{SEQ\d?\}/.test(format)) problems.push('missing_sequence');
  const stripped = format.replace(PLACEHOLDER, '');
  if (/[{}]/.test(stripped)) problems.push('unknown_placeholder');
  if (!/^[A-Za-z0-9 _\-/.]*$/.test(stripped.replace(/[{}]/g, ''))) problems.push('unsafe_characters');
  return problems;
}

export interface CaseCodeParts {
  prefix: string;
  year: number;
  sequence: number;
}

export function formatCaseCode(format: string, parts: CaseCodeParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) {
    throw new RangeError('sequence must be a positive integer');
  }
  return format.replace(PLACEHOLDER, (_match, name: string, digits?: string) => {
    if (name === 'PREFIX') return parts.prefix;
    if (name === 'YYYY') return String(parts.year).padStart(4, '0');
    return String(parts.sequence).padStart(Number(digits ?? 4), '0');
  });
}

/** Prefixes are short upper-case codes such as BCN or PA1; they appear on paper and screens. */
export function isValidCaseCodePrefix(prefix: string): boolean {
  return /^[A-Z0-9]{2,8}$/.test(prefix);
}
