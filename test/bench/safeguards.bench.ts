import { DEFAULT_LINK_ALLOWLIST } from '../../src/config/content-safeguards-config.js';
import { checkContent } from '../../src/messages/safeguards/check-content.js';
import { FINDING_CODES } from '../../src/messages/safeguards/content-finding.js';
import { ORDINARY_MESSAGES } from '../../src/messages/safeguards/ordinary-messages.js';
import { TRUE_POSITIVES } from '../../src/messages/safeguards/true-positives.js';

/**
 * The content safeguards over their two sets: the true-positive samples (each must trip its
 * safeguard) and the ordinary council messages (none may be flagged). Prints the detection rate
 * per safeguard, the false-positive rate over the ordinary messages, and how fast checking is.
 */
const options = { linkAllowList: DEFAULT_LINK_ALLOWLIST };
const percent = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;

console.log(`Content safeguards (default allow-list: ${DEFAULT_LINK_ALLOWLIST.join(', ')})\n`);
console.log('Detection of the true-positive samples:');
let detected = 0;
for (const code of FINDING_CODES) {
  const samples = TRUE_POSITIVES.filter((sample) => sample.code === code);
  const found = samples.filter((sample) =>
    checkContent(sample.text, options).some((finding) => finding.code === code),
  );
  detected += found.length;
  for (const missed of samples.filter((sample) => !found.includes(sample))) {
    console.log(`  missed ${code}: ${missed.text}`);
  }
  console.log(
    `  ${code.padEnd(26)} ${found.length}/${samples.length} (${percent(found.length, samples.length)})`,
  );
}
console.log(
  `  ${'all'.padEnd(26)} ${detected}/${TRUE_POSITIVES.length} (${percent(detected, TRUE_POSITIVES.length)})\n`,
);

const flagged = ORDINARY_MESSAGES.filter((text) => checkContent(text, options).length > 0);
console.log(
  `False positives over ${ORDINARY_MESSAGES.length} ordinary council messages: ${flagged.length} (${percent(flagged.length, ORDINARY_MESSAGES.length)})`,
);
for (const text of flagged) {
  const codes = checkContent(text, options).map((finding) => finding.code);
  console.log(`  flagged (${codes.join(', ')}): ${text}`);
}

const texts = [...ORDINARY_MESSAGES, ...TRUE_POSITIVES.map((sample) => sample.text)];
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const started = performance.now();
for (let round = 0; round < rounds; round += 1) {
  for (const text of texts) checkContent(text, options);
}
const elapsed = performance.now() - started;
console.log(
  `\nSpeed: ${Math.round((rounds * texts.length) / (elapsed / 1000)).toLocaleString('en-GB')} messages checked per second (${(elapsed / (rounds * texts.length)).toFixed(3)} ms each)`,
);
