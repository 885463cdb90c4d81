import type { INestApplication } from '@nestjs/common';
import type { E164 } from '../../src/phone-numbers/phone-number.js';
import { PhoneVault } from '../../src/phone-numbers/phone-vault.js';
import type { TestDatabase } from './test-database.js';

/**
 * The n-th test resident's number (n from 0 to 99,999), in a UK mobile range. Every one ends in
 * 5, so none meets the simulator's rules for numbers ending 0000 (not on WhatsApp) or 0001
 * (fails later).
 */
export const residentNumber = (n: number): E164 =>
  `+447400${String(n * 10 + 5).padStart(6, '0')}` as E164;

/**
 * Opted-in residents written straight into the database, sealed with the app's own keys: the
 * fan-out tests need recipients, not the journeys that sign them up (tested on their own).
 */
export async function seedSubscribers(
  app: INestApplication,
  db: TestDatabase,
  numbers: E164[],
  choice: { areas: string[]; topics: string[]; status?: 'active' | 'unsubscribed' },
): Promise<void> {
  const vault = app.get(PhoneVault);
  await db.query(
    `INSERT INTO subscribers (phone_sealed, phone_hash, status, area_codes, topic_codes, subscribed_at)
     SELECT s, h, $3, $4::text[], $5::text[], now() FROM unnest($1::text[], $2::text[]) AS u(s, h)`,
    [
      numbers.map((n) => vault.encrypt(n)),
      numbers.map((n) => vault.lookupHash(n)),
      choice.status ?? 'active',
      choice.areas,
      choice.topics,
    ],
  );
}
