import { describe, expect, it } from 'vitest';
import { upperFirst } from './labels';
import { leavesDraft } from './leave';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('leaving her draft', () => {
  const plan = at('/participants/p1', '?tab=itinerary&part=plan');

  it('asks when another part, tab or page takes the draft off the screen', () => {
    expect(leavesDraft(plan, at('/participants/p1', '?tab=itinerary&part=needs'))).toBe(true);
    expect(leavesDraft(plan, at('/participants/p1', '?tab=itinerary&part=progress'))).toBe(true);
    expect(leavesDraft(plan, at('/participants/p1', '?tab=safety'))).toBe(true);
    expect(leavesDraft(plan, at('/participants'))).toBe(true);
  });

  it('does not ask when the draft stays on screen, or when the session ended', () => {
    expect(leavesDraft(plan, at('/participants/p1', '?part=plan&tab=itinerary'))).toBe(false);
    expect(leavesDraft(plan, at('/participants/p1', '?tab=itinerary&part=plan&review=open'))).toBe(false);
    expect(leavesDraft(plan, at('/login'))).toBe(false);
  });
});

describe('month headings', () => {
  it('puts only the first letter in capitals, as the language writes it', () => {
    expect(upperFirst('diciembre de 2026', 'es')).toBe('Diciembre de 2026');
    expect(upperFirst('desembre del 2026', 'ca')).toBe('Desembre del 2026');
    expect(upperFirst('dicembre 2026', 'it')).toBe('Dicembre 2026');
    expect(upperFirst('', 'en')).toBe('');
  });
});
