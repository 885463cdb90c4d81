import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { PhoneKeysConfig } from '../config/app-config.js';
import type { PhoneKeys } from './phone-vault.js';

interface KeyFile {
  encryption: { id: string; key: string }[];
  lookup: string;
}

/**
 * The configured keys, or (outside production only: configuration refuses a file there) a
 * development key file, made on first start so the embedded demo keeps its data across restarts.
 */
export async function loadPhoneKeys(config: PhoneKeysConfig): Promise<PhoneKeys> {
  if ('keys' in config.source) return config.source.keys;
  const file = resolve(config.source.file);
  if (!existsSync(file)) {
    const fresh: KeyFile = {
      encryption: [{ id: 'dev1', key: randomBytes(32).toString('base64') }],
      lookup: randomBytes(32).toString('base64'),
    };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
    new Logger('PhoneVault').warn(
      `Made development phone-number keys at ${file}; production supplies its own`,
    );
  }
  const stored = JSON.parse(await readFile(file, 'utf8')) as KeyFile;
  return {
    encryption: stored.encryption.map(({ id, key }) => ({ id, key: Buffer.from(key, 'base64') })),
    lookup: Buffer.from(stored.lookup, 'base64'),
  };
}
