import type { MigrationInterface } from 'typeorm';
import { Initial1795312951858 } from './1795312951858-Initial.js';

/** Every migration in order. The schema changes only through these. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795312951858];
