import { randomBytes } from 'node:crypto';
import { newSecret, SecretBox, signingKeyOf } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32).toString('base64');

  it('encrypts with the key and opens again', () => {
    const box = new SecretBox(key);
    const secret = newSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(sealed).toMatch(/^aes256gcm:/);
    expect(box.open(sealed)).toBe(secret);
  });

  it('accepts a hex key', () => {
    const box = new SecretBox(randomBytes(32).toString('hex'));
    expect(box.open(box.seal('whsec_abc'))).toBe('whsec_abc');
  });

  it('refuses to open with another key or without one', () => {
    const sealed = new SecretBox(key).seal(newSecret());
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(sealed)).toThrow('does not decrypt');
    expect(() => new SecretBox(undefined).open(sealed)).toThrow('WEBHOOK_ENCRYPTION_KEY is not set');
  });

  it('stores plainly without a key, and still reads such rows once a key is set', () => {
    const sealed = new SecretBox(undefined).seal('whsec_abc');
    expect(sealed).toBe('plain:whsec_abc');
    expect(new SecretBox(key).open(sealed)).toBe('whsec_abc');
  });

  it('makes Standard Webhooks secrets of 24 random bytes', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(signingKeyOf(secret)).toHaveLength(24);
  });
});
