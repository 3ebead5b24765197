/**
 * Password rules for staff accounts: length over composition (no "one digit, one symbol"
 * rules), and a refusal of passwords on the common-password list the server bundles.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function checkPassword(password: string, isCommon: (p: string) => boolean): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (isCommon(password.toLowerCase())) return 'too_common';
  return null;
}
