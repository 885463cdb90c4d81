import { DataSource } from 'typeorm';
import { configFromProcessEnvironment } from '../config/process-environment.js';
import { dataSourceOptions } from './data-source-options.js';

/** Used by `npm run migration:*`: the TypeORM CLI against DATABASE_URL. */
const config = configFromProcessEnvironment();
if (!config.databaseUrl) {
  throw new Error(
    'Set DATABASE_URL to run migrations (the app migrates its embedded database itself).',
  );
}

export default new DataSource(dataSourceOptions(config.databaseUrl, false));
