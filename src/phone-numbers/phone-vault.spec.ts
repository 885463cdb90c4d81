import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { E164 } from './phone-number.js';
import { PhoneVault } from './phone-vault.js';

const phone = '+447400123456' as E164;
const key = (id: string) => ({ id, key: randomBytes(32) });

describe('PhoneVault', () => {
  const k1 = key('k1');
  const lookup = randomBytes(32);
  const vault = new PhoneVault({ encryption: [k1], lookup });

  it('seals a number so that the stored text does not contain it, and opens it again', () => {
    const sealed = vault.encrypt(phone);
    expect(sealed).not.toContain('7400123456');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(vault.decrypt(sealed)).toBe(phone);
  });

  it('uses a fresh IV each time, so equal numbers do not look equal at rest', () => {
    expect(vault.encrypt(phone)).not.toBe(vault.encrypt(phone));
  });

  it('refuses a value that was tampered with or sealed under an unknown key', () => {
    const parts = vault.encrypt(phone).split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    parts[3] = flipped.toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
    const renamed = vault.encrypt(phone).replace('v1.k1.', 'v1.k9.');
    expect(() => vault.decrypt(renamed)).toThrow(/unknown/);
  });

  it('rotates: a new key encrypts, the old one still opens older values', () => {
    const old = vault.encrypt(phone);
    const rotated = new PhoneVault({ encryption: [key('k2'), k1], lookup });
    expect(rotated.decrypt(old)).toBe(phone);
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt(phone))).toBe(false);
  });

  it('re-seals numbers and bytes under the newest key, which a vault without the old key opens', () => {
    const k2 = key('k2');
    const rotated = new PhoneVault({ encryption: [k2, k1], lookup });
    expect(rotated.keyIds).toEqual(['k2', 'k1']);
    const resealed = rotated.reseal(vault.encrypt(phone));
    expect(resealed.startsWith('v1.k2.')).toBe(true);
    const body = Buffer.from('{"wa_id":"447400123456"}');
    const resealedBytes = rotated.resealBytes(vault.sealBytes(body));
    const newOnly = new PhoneVault({ encryption: [k2], lookup });
    expect(newOnly.decrypt(resealed)).toBe(phone);
    expect(newOnly.openBytes(resealedBytes).equals(body)).toBe(true);
    expect(() => newOnly.reseal(vault.encrypt(phone))).toThrow(/unknown/);
  });

  it('finds a number by a keyed hash that is stable and depends on the key', () => {
    expect(vault.lookupHash(phone)).toBe(vault.lookupHash(phone));
    expect(vault.lookupHash(phone)).not.toBe(
      new PhoneVault({ encryption: [k1], lookup: randomBytes(32) }).lookupHash(phone),
    );
    expect(vault.lookupHash(phone)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seals and opens bytes, and refuses them once altered', () => {
    const body = Buffer.from('{"wa_id":"447400123456"}');
    const sealed = vault.sealBytes(body);
    expect(sealed.includes(Buffer.from('447400123456'))).toBe(false);
    expect(vault.openBytes(sealed).equals(body)).toBe(true);
    sealed[sealed.length - 1] ^= 1;
    expect(() => vault.openBytes(sealed)).toThrow();
  });
});
