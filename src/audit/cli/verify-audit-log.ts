import { runCommand } from '../../cli/run-command.js';
import { AuditModule } from '../audit.module.js';
import { AuditVerifier } from '../verification/audit-verifier.service.js';

/**
 * `npm run audit:verify`: the same verification as POST /api/v1/audit/verify, for ICT's scripts
 * and schedulers. Exit code 0 when the log verifies, 1 when it does not, 2 when it cannot run.
 */
runCommand([AuditModule], async (app) => {
  const started = performance.now();
  const result = await app.get(AuditVerifier).verify();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const against = result.checkpoint
    ? `the checkpoint of ${result.checkpoint.size} events signed at ${result.checkpoint.at}`
    : 'no checkpoint yet';
  if (result.ok) {
    console.log(`OK: ${result.checked} events verified against ${against} in ${seconds} s`);
    return 0;
  }
  console.log(`FAILED at event ${result.firstBadSeq ?? '-'}: ${result.reason}`);
  console.log(`(${result.checked} events checked before the failure; compared with ${against})`);
  return 1;
});
