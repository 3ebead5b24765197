/** Joins translation files; two files defining the same key is a mistake, reported by name. */
export function mergeMessages(
  files: { file: string; messages: Record<string, unknown> }[],
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const { file, messages } of files) {
    for (const [key, value] of Object.entries(messages)) {
      const previous = owner.get(key);
      if (previous) throw new Error(`Translation key "${key}" is defined in ${previous} and ${file}`);
      owner.set(key, file);
      merged[key] = value;
    }
  }
  return merged;
}
