import type { PhoneKeysConfig } from './app-config.js';
import type { EnvironmentDto } from './environment.dto.js';

const ENCRYPTION_KEY_BYTES = 32;
const MIN_LOOKUP_KEY_BYTES = 32;

const decode = (text: string): Buffer =>
  Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

/**
 * PHONE_ENCRYPTION_KEYS is `id:key,id:key`, newest first: the first encrypts, all decrypt, which
 * is what lets a key be rotated without a flag day. PHONE_LOOKUP_KEY keys the hash that finds a
 * number without decrypting every row; it cannot rotate without re-hashing, so it stays put.
 */
export function phoneKeysConfig(
  dto: EnvironmentDto,
  production: boolean,
  problems: string[],
): PhoneKeysConfig {
  const { PHONE_ENCRYPTION_KEYS: encryptionKeys, PHONE_LOOKUP_KEY: lookupKey } = dto;
  if (!encryptionKeys && !lookupKey) {
    if (production) {
      problems.push(
        'PHONE_ENCRYPTION_KEYS and PHONE_LOOKUP_KEY are required in production: they protect phone numbers at rest',
      );
    }
    // Outside production a development key file is made on first start.
    return { source: { file: dto.PHONE_KEYS_FILE ?? './data/phone-keys.json' } };
  }
  if (!encryptionKeys || !lookupKey) {
    problems.push('set both PHONE_ENCRYPTION_KEYS and PHONE_LOOKUP_KEY, or neither');
    return { source: { file: '' } };
  }
  const encryption = encryptionKeys.split(',').map((pair) => {
    const [id = '', key = ''] = pair.split(':');
    return { id, key: decode(key) };
  });
  if (encryption.some(({ key }) => key.length !== ENCRYPTION_KEY_BYTES)) {
    problems.push('every key in PHONE_ENCRYPTION_KEYS must be 32 bytes (AES-256), base64-encoded');
  }
  if (new Set(encryption.map(({ id }) => id)).size !== encryption.length) {
    problems.push('the key ids in PHONE_ENCRYPTION_KEYS must differ');
  }
  const lookup = decode(lookupKey);
  if (lookup.length < MIN_LOOKUP_KEY_BYTES) {
    problems.push('PHONE_LOOKUP_KEY must be at least 32 bytes, base64-encoded');
  }
  return { source: { keys: { encryption, lookup } } };
}
