import { runCommand } from '../../cli/run-command.js';
import { PhoneNumbersModule } from '../phone-numbers.module.js';
import { PhoneResealingModule } from '../resealing/phone-resealing.module.js';
import { PhoneResealingService } from '../resealing/phone-resealing.service.js';
import { resealReportLines } from './reseal-report.js';

/**
 * `npm run phone-keys:reseal`: re-seals every phone number (and stored webhook body) under the
 * newest key in PHONE_ENCRYPTION_KEYS, then counts the rows under each key. Exit code 0 when
 * every row is under the newest key (the older keys can be retired), 1 when some are not, 2 when
 * it cannot run.
 */
runCommand([PhoneNumbersModule, PhoneResealingModule.forRoot({ schedule: false })], async (app) => {
  const resealing = app.get(PhoneResealingService);
  const actor = { kind: 'system', reason: 'phone-keys-reseal-command' } as const;
  // Until a pass changes nothing: rows another process held are picked up by the next pass.
  let report = await resealing.reseal(actor);
  const passes = [report];
  while (report.total > 0) passes.push((report = await resealing.reseal(actor)));
  const census = await resealing.census();
  for (const line of resealReportLines(passes, census)) console.log(line);
  return census.remaining === 0 ? 0 : 1;
});
