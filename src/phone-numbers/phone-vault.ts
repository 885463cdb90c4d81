import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { E164 } from './phone-number.js';

export interface PhoneKeys {
  /** Newest first: the first encrypts; every one can decrypt. */
  encryption: { id: string; key: Buffer }[];
  lookup: Buffer;
}

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Phone numbers at rest: AES-256-GCM with a fresh IV per value, stored as
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url), so a row names the key that can open it
 * and a key can be rotated. A number is found by its lookup hash (HMAC-SHA256 under a separate
 * key), never by decrypting rows; the hash alone does not give the number back to someone who
 * has the database but not the key.
 */
export class PhoneVault {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: PhoneKeys) {
    if (keys.encryption.length === 0) throw new Error('PhoneVault needs at least one key');
    this.byId = new Map(keys.encryption.map(({ id, key }) => [id, key]));
  }

  encrypt(phone: E164): string {
    const { id, key } = this.keys.encryption[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The key id is authenticated too: a value cannot be moved under another key's name.
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
    return [FORMAT, id, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): E164 {
    const [format, id, iv, ciphertext, tag] = sealed.split('.');
    const key = id === undefined ? undefined : this.byId.get(id);
    if (format !== FORMAT || !key || !iv || ciphertext === undefined || !tag) {
      throw new Error('phone number sealed with an unknown format or key');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]);
    return plain.toString('utf8') as E164;
  }

  /** The configured key ids, newest (the one that encrypts) first. */
  get keyIds(): string[] {
    return this.keys.encryption.map(({ id }) => id);
  }

  /** The same number sealed again under the newest key (throws if the value does not open). */
  reseal(sealed: string): string {
    return this.encrypt(this.decrypt(sealed));
  }

  /** The same bytes sealed again under the newest key (throws if they do not open). */
  resealBytes(sealed: Buffer): Buffer {
    return this.sealBytes(this.openBytes(sealed));
  }

  /** True when the value was sealed with an older key and should be re-sealed. */
  needsRotation(sealed: string): boolean {
    return sealed.split('.')[1] !== this.keys.encryption[0].id;
  }

  lookupHash(phone: E164): string {
    return createHmac('sha256', this.keys.lookup).update(phone, 'utf8').digest('hex');
  }

  /** Seals arbitrary bytes (webhook bodies that carry numbers) the same way. */
  sealBytes(plain: Buffer): Buffer {
    const { id, key } = this.keys.encryption[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const idBytes = Buffer.from(id, 'utf8');
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([
      Buffer.from([idBytes.length]),
      idBytes,
      iv,
      cipher.getAuthTag(),
      ciphertext,
    ]);
  }

  openBytes(sealed: Buffer): Buffer {
    const idLength = sealed[0] ?? 0;
    const id = sealed.subarray(1, 1 + idLength).toString('utf8');
    const key = this.byId.get(id);
    if (!key) throw new Error('bytes sealed with an unknown key');
    let offset = 1 + idLength;
    const iv = sealed.subarray(offset, (offset += IV_BYTES));
    const tag = sealed.subarray(offset, (offset += TAG_BYTES));
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(offset)), decipher.final()]);
  }
}
