import { LANGUAGE_CODES } from '@cope/domain';

/**
 * Languages the browser can name: codes it has no name for are left out of pickers (they would
 * show as "aa", "ab"…), and two codes with the same name keep their code beside it.
 */
export function languageChoices(name: (code: string) => string): { value: string; label: string }[] {
  const named = LANGUAGE_CODES.map((code) => ({ value: code, label: name(code) })).filter(
    (option) => option.label.toLowerCase() !== option.value,
  );
  const seen = new Map<string, number>();
  for (const option of named) seen.set(option.label, (seen.get(option.label) ?? 0) + 1);
  return named.map((option) =>
    (seen.get(option.label) ?? 0) > 1 ? { ...option, label: `${option.label} (${option.value})` } : option,
  );
}
