import { afterEach, describe, expect, it, vi } from 'vitest';
import { locate, newId } from './problems';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('where a problem of the draft is', () => {
  it('reads the goal and the step from a field path', () => {
    expect(locate('goals.0.steps.1.targetOn')).toEqual({ goal: 0, step: 1 });
    expect(locate('goals.12.text')).toEqual({ goal: 12, step: null });
    expect(locate('startsOn')).toEqual({ goal: null, step: null });
  });
});

describe('new ids of goals and steps', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are version 4 UUIDs, as the payload schema asks', () => {
    const id = newId();
    expect(id).toMatch(UUID_V4);
    expect(newId()).not.toBe(id);
  });

  it('are version 4 UUIDs too where the browser has no randomUUID (a page not served over HTTPS)', () => {
    const real = globalThis.crypto;
    const getRandomValues = vi.fn((array: Uint8Array<ArrayBuffer>) => real.getRandomValues(array));
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = Array.from({ length: 50 }, () => newId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getRandomValues).toHaveBeenCalledTimes(ids.length);
  });
});
