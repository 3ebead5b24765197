import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONTROL_METHODS,
  COUNTRY_CODES,
  EXPLOITATION_FORMS,
  HTCDS_CONTROL_METHOD,
  HTCDS_EXPLOITATION,
  HTCDS_TRAFFICKING_STATUS,
  LANGUAGE_CODES,
  TRAFFICKING_STATUSES,
} from '@cope/domain';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
// A copy of the standard (CC BY 4.0) is kept in docs/standards/htcds for this check.
const XFORM = path.resolve(here, '../../../docs/standards/htcds/htcds_xform.xml');

function xformValues(field: string): string[] {
  const xml = readFileSync(XFORM, 'utf8');
  const block = new RegExp(`ref="/data/${field}"[\\s\\S]*?</select1?>`).exec(xml)?.[0] ?? '';
  return [...block.matchAll(/<value>([^<]*)<\/value>/g)].map((m) => m[1] as string);
}

describe('HTCDS alignment', () => {
  it('maps every form of exploitation to a value of the standard, each distinct code kept apart', () => {
    const values = xformValues('vic_TypeOfExploitation');
    const seen = new Set<string>();
    for (const form of EXPLOITATION_FORMS) {
      const { value, qualifier } = HTCDS_EXPLOITATION[form];
      expect(values, form).toContain(value);
      const key = `${value}/${qualifier ?? ''}`;
      expect(seen.has(key), `${form} shares ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it('maps every method of control one-to-one', () => {
    const values = xformValues('vic_Methods_of_Control');
    const mapped = CONTROL_METHODS.map((method) => HTCDS_CONTROL_METHOD[method]);
    expect(new Set(mapped).size).toBe(CONTROL_METHODS.length);
    const definitions = readFileSync(XFORM.replace('htcds_xform.xml', 'field-definitions.md'), 'utf8');
    for (const value of mapped) {
      // Values missing from the form are defined in the field definitions (MethodsOfControl…).
      expect(values.includes(value) || definitions.includes(`MethodsOfControl${value}`), value).toBe(true);
    }
  });

  it('maps trafficking status one-to-one onto the standard', () => {
    const values = xformValues('vic_TraffickingStatus');
    const mapped = TRAFFICKING_STATUSES.map((status) => HTCDS_TRAFFICKING_STATUS[status]);
    expect(new Set(mapped).size).toBe(TRAFFICKING_STATUSES.length);
    expect([...mapped].sort()).toEqual([...values].sort());
  });

  it('uses the standard’s citizenship codes (ISO 3166-1 alpha-2)', () => {
    const values = xformValues('prs_Citizenship');
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect([...COUNTRY_CODES].sort()).toEqual([...values].sort());
  });

  it('lists ISO 639-1 languages as two lower-case letters, once each', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    for (const code of LANGUAGE_CODES) expect(code).toMatch(/^[a-z]{2}$/);
    for (const code of ['es', 'it', 'ca', 'fr', 'pt', 'ro', 'en', 'ar', 'wo', 'yo', 'ig']) {
      expect(LANGUAGE_CODES).toContain(code);
    }
  });
});
