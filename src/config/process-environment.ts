import { type AppConfig } from './app-config.js';
import { loadConfig } from './load-config.js';

/** The one place Crier reads process.env. */
export function configFromProcessEnvironment(): AppConfig {
  return loadConfig(process.env);
}
