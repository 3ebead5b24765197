import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.js';

const common = (p: string) => p === 'passwordpassword';

describe('staff passwords', () => {
  it('asks for length, not composition', () => {
    expect(checkPassword('short', common)).toBe('too_short');
    expect(checkPassword('all lower case words', common)).toBeNull();
  });

  it('counts characters, not bytes', () => {
    expect(checkPassword('ñàèìòùçñàèìò', common)).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('PasswordPassword', common)).toBe('too_common');
  });

  it('refuses absurdly long input', () => {
    expect(checkPassword('x'.repeat(257), common)).toBe('too_long');
  });
});
