import { describe, expect, it } from 'vitest';
import { leavesPart } from './leave';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('leaving a part of her itinerary with something not saved', () => {
  const plan = at('/participants/p1', '?tab=itinerary&part=plan');
  const needs = at('/participants/p1', '?tab=itinerary&part=needs');

  it('asks when another part, tab or page takes the work off the screen', () => {
    expect(leavesPart(plan, needs)).toBe(true);
    expect(leavesPart(plan, at('/participants/p1', '?tab=itinerary&part=progress'))).toBe(true);
    expect(leavesPart(plan, at('/participants/p1', '?tab=safety'))).toBe(true);
    expect(leavesPart(plan, at('/participants'))).toBe(true);
    expect(leavesPart(needs, plan)).toBe(true);
    expect(leavesPart(needs, at('/participants'))).toBe(true);
  });

  it('does not ask when the work stays on screen, or when the session ended', () => {
    expect(leavesPart(plan, at('/participants/p1', '?part=plan&tab=itinerary'))).toBe(false);
    expect(leavesPart(plan, at('/participants/p1', '?tab=itinerary&part=plan&review=open'))).toBe(false);
    expect(leavesPart(plan, at('/login'))).toBe(false);
    expect(leavesPart(needs, at('/login'))).toBe(false);
  });
});
