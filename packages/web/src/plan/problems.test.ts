import { describe, expect, it } from 'vitest';
import { locate, newId } from './problems';

describe('where a problem of the draft is', () => {
  it('reads the goal and the step from a field path', () => {
    expect(locate('goals.0.steps.1.targetOn')).toEqual({ goal: 0, step: 1 });
    expect(locate('goals.12.text')).toEqual({ goal: 12, step: null });
    expect(locate('startsOn')).toEqual({ goal: null, step: null });
  });
});

describe('new ids of goals and steps', () => {
  it('are version 4 UUIDs, as the payload schema asks', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(id);
  });
});
