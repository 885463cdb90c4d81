import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigurationError } from './config/load-config.js';
import { configFromProcessEnvironment } from './config/process-environment.js';
import { openDatabase } from './database/embedded-postgres.server.js';

async function main(): Promise<void> {
  const logger = new Logger('Crier');
  const config = configFromProcessEnvironment();
  const database = await openDatabase(config);

  const app = await createApp({ config, databaseUrl: database.url });
  await app.listen(config.port);
  logger.log(
    `Crier is listening on http://localhost:${config.port} (auth: ${config.auth.mode}, ` +
      `database: ${config.databaseUrl ? 'DATABASE_URL' : 'embedded'}); API docs at /api/docs`,
  );

  // One orderly stop: Crier's workers finish, its pools close, then the embedded database stops.
  // The embedded-postgres package hooks these signals to stop its cluster at once, which would
  // cut the transactions still finishing, so Crier takes the signals over.
  const stop = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop());
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
