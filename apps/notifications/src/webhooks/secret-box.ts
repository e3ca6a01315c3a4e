import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Standard Webhooks secrets: "whsec_" and the base64 of the signing key's bytes. */
export const SECRET_PREFIX = 'whsec_';
const KEY_BYTES = 24;

export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(KEY_BYTES).toString('base64');
}

/** The HMAC key a secret stands for (the bytes after the prefix). */
export function signingKeyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

const ENCRYPTED = 'aes256gcm:';
const PLAIN = 'plain:';

/**
 * Stores webhook secrets so that they can still sign: AES-256-GCM with WEBHOOK_ENCRYPTION_KEY
 * when it is set ("aes256gcm:" iv.tag.ciphertext, base64), else as they are ("plain:"), which
 * the service warns about at start-up. A stored plain secret stays readable after a key is
 * configured; an encrypted one needs the key it was sealed with.
 */
export class SecretBox {
  private readonly key?: Buffer;

  constructor(encodedKey: string | undefined) {
    if (encodedKey) this.key = Buffer.from(encodedKey, /^[0-9a-fA-F]{64}$/.test(encodedKey) ? 'hex' : 'base64');
    if (this.key && this.key.length !== 32) throw new Error('WEBHOOK_ENCRYPTION_KEY must be 32 bytes');
  }

  get encrypts(): boolean {
    return this.key !== undefined;
  }

  seal(secret: string): string {
    if (!this.key) return PLAIN + secret;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ENCRYPTED + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
  }

  open(stored: string): string {
    if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
    if (!stored.startsWith(ENCRYPTED)) throw new Error('stored webhook secret has an unknown format');
    if (!this.key) throw new Error('webhook secret is encrypted but WEBHOOK_ENCRYPTION_KEY is not set');
    const [iv, tag, body] = stored.slice(ENCRYPTED.length).split('.').map((p) => Buffer.from(p, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('webhook secret does not decrypt with WEBHOOK_ENCRYPTION_KEY (was the key changed?)');
    }
  }
}
