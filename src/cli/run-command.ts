import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configFromProcessEnvironment } from '../config/process-environment.js';
import { openDatabase } from '../database/embedded-postgres.server.js';
import { CommandModule, type Feature } from './command.module.js';

/**
 * Runs a command-line tool against Crier's database (DATABASE_URL's, or the embedded one) and
 * exits with the code its work answers; 2 when it cannot run at all.
 */
export function runCommand(
  features: Feature[],
  work: (app: INestApplicationContext) => Promise<number>,
): void {
  const run = async (): Promise<number> => {
    const config = configFromProcessEnvironment();
    const database = await openDatabase(config);
    const app = await NestFactory.createApplicationContext(
      CommandModule.forRoot(config, database.url, features),
      { logger: ['error', 'warn'] },
    );
    try {
      return await work(app);
    } finally {
      await app.close();
      await database.stop();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
