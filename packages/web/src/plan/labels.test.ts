import { describe, expect, it } from 'vitest';
import { upperFirst } from './labels';

// Leaving her draft with a change not saved: see itinerary/leave.test.ts (the guard is shared).

describe('month headings', () => {
  it('puts only the first letter in capitals, as the language writes it', () => {
    expect(upperFirst('diciembre de 2026', 'es')).toBe('Diciembre de 2026');
    expect(upperFirst('desembre del 2026', 'ca')).toBe('Desembre del 2026');
    expect(upperFirst('dicembre 2026', 'it')).toBe('Dicembre 2026');
    expect(upperFirst('', 'en')).toBe('');
  });
});
