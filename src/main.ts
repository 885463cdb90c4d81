import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigurationError } from './config/load-config.js';
import { configFromProcessEnvironment } from './config/process-environment.js';
import { startEmbeddedPostgres } from './database/embedded-postgres.server.js';

async function main(): Promise<void> {
  const logger = new Logger('Crier');
  const config = configFromProcessEnvironment();
  const database = config.databaseUrl
    ? { url: config.databaseUrl, stop: () => Promise.resolve() }
    : await startEmbeddedPostgres(config.embeddedDatabase);

  const app = await createApp({ config, databaseUrl: database.url });
  app.enableShutdownHooks();
  await app.listen(config.port);
  logger.log(
    `Crier is listening on http://localhost:${config.port} (auth: ${config.auth.mode}, ` +
      `database: ${config.databaseUrl ? 'DATABASE_URL' : 'embedded'}); API docs at /api/docs`,
  );

  const stop = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
