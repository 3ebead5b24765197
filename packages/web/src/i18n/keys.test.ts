/**
 * Keeps the four interface languages complete and in step with the code: every language has the
 * same keys, every key the code uses exists, and no key lingers after its last use.
 * Keys are found with the same pattern a reviewer would grep for: t('some.key').
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from './languages';
import { mergeMessages } from './merge';

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.resolve(here, '..');
const KEY_IN_SOURCE = /\bt\(\s*['"]([^'"]+)['"]/g;
// i18next plural forms: t('x', { count }) reads x_one, x_other…
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (typeof value !== 'object' || value === null) throw new Error(`Unexpected value at "${prefix}"`);
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

const localesDir = path.join(here, 'locales');
/** The locales folder and one folder per feature, each holding one file per language. */
const localeFolders = [
  localesDir,
  ...readdirSync(localesDir)
    .map((name) => path.join(localesDir, name))
    .filter((full) => statSync(full).isDirectory()),
];

function localeKeys(code: string): Set<string> {
  const files = localeFolders.map((folder) => ({
    file: path.relative(here, path.join(folder, `${code}.json`)),
    messages: JSON.parse(readFileSync(path.join(folder, `${code}.json`), 'utf8')) as Record<string, unknown>,
  }));
  return new Set(flatten(mergeMessages(files)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function keysUsedInSource(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(KEY_IN_SOURCE)) {
      const key = match[1];
      if (key && !used.has(key)) used.set(key, path.relative(srcDir, file));
    }
  }
  return used;
}

const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const languages = SUPPORTED_LANGUAGES.map((language) => language.code);
const english = localeKeys('en');

describe('interface translations', () => {
  it.each(localeFolders.map((folder) => path.relative(here, folder)))(
    '%s has a file for every supported language',
    (folder) => {
      const files = readdirSync(path.join(here, folder)).filter((name) => name.endsWith('.json'));
      expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...languages].sort());
    },
  );

  it.each(languages)('%s has exactly the keys of every other language', (code) => {
    const keys = localeKeys(code);
    for (const other of languages) {
      const missing = [...localeKeys(other)].filter((key) => !keys.has(key));
      expect(missing, `keys in ${other}.json missing from ${code}.json`).toEqual([]);
    }
  });

  it('has an English text for every key used in the source', () => {
    const englishBases = new Set([...english].map(baseKey));
    const missing = [...keysUsedInSource()]
      .filter(([key]) => !english.has(key) && !englishBases.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing, 'keys used in the source but missing from en.json').toEqual([]);
  });

  it('uses every English key somewhere in the source', () => {
    const used = keysUsedInSource();
    const unused = [...english].filter((key) => !used.has(key) && !used.has(baseKey(key)));
    expect(unused, 'keys in en.json that no source file uses').toEqual([]);
  });

  it('finds a healthy number of keys (the scan itself works)', () => {
    expect(keysUsedInSource().size).toBeGreaterThan(50);
  });
});
