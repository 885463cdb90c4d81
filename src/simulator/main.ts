import { ConfigurationError } from '../config/load-config.js';
import { simulatorConfigFromProcessEnvironment } from '../config/process-environment.js';
import { startSimulator } from './start-simulator.js';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** `npm run simulator`: the Cloud API simulator as its own process. */
async function main(): Promise<void> {
  const config = simulatorConfigFromProcessEnvironment();
  const log = (line: string) => console.log(`[simulator] ${line}`);
  const simulator = await startSimulator(config, { log });
  log(
    `WhatsApp Cloud API simulator listening on ${simulator.url.replace('127.0.0.1', 'localhost')} ` +
      `(throughput ${config.throughputPerSecond}/s, webhooks ${config.webhookUrl ? 'on' : 'off'}, ` +
      `duplicated ${percent(config.webhookDuplicateRate)}, reordered ${percent(config.webhookReorderRate)})`,
  );
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
