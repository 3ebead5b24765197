/**
 * Every structured field of the needs assessment, and every choice of every choice field, has a
 * name in each staff language: a field added to NEEDS_FIELDS without its texts fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEEDS_FIELDS, SPHERES } from '@cope/domain';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../i18n/languages';
import { needsFieldTexts } from './field-texts';

const here = path.dirname(fileURLToPath(import.meta.url));
const MISSING = '\u0000missing';

function translator(code: string): (key: string) => string {
  const file = path.join(here, '..', 'i18n', 'locales', 'needs', `${code}.json`);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return (key) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    }
    return typeof node === 'string' ? node : `${MISSING}:${key}`;
  };
}

const fields = SPHERES.flatMap((sphere) => NEEDS_FIELDS[sphere].map((field) => ({ sphere, field })));

describe('needs field texts', () => {
  it('covers fields in every sphere that has any (the scan itself works)', () => {
    expect(fields.length).toBeGreaterThan(20);
  });

  it.each(SUPPORTED_LANGUAGES.map((language) => language.code))(
    '%s names every field and every choice',
    (code) => {
      const texts = needsFieldTexts(translator(code));
      const problems: string[] = [];
      for (const { sphere, field } of fields) {
        const text = texts[field.key];
        if (!text || text.label.trim() === '' || text.label.startsWith(MISSING)) {
          problems.push(`${sphere}.${field.key}: no label (${text?.label ?? 'not in the map'})`);
          continue;
        }
        if (field.kind !== 'choice') continue;
        for (const option of field.options) {
          const label = text.options?.[option];
          if (!label || label.trim() === '' || label.startsWith(MISSING))
            problems.push(`${sphere}.${field.key}=${option}: no label (${label ?? 'not in the map'})`);
        }
        const extra = Object.keys(text.options ?? {}).filter((option) => !field.options.includes(option));
        if (extra.length > 0) problems.push(`${sphere}.${field.key}: options no longer offered: ${extra}`);
      }
      const known = new Set(fields.map(({ field }) => field.key));
      for (const key of Object.keys(texts)) {
        if (!known.has(key)) problems.push(`${key}: named but no sphere has this field`);
      }
      expect(problems).toEqual([]);
    },
  );
});
