import { type AppConfig } from './app-config.js';
import { loadConfig } from './load-config.js';
import { loadSimulatorConfig, type SimulatorConfig } from './simulator-config.js';

/** The one place Crier reads process.env. */
export function configFromProcessEnvironment(): AppConfig {
  return loadConfig(process.env);
}

/** The Cloud API simulator's SIM_* settings, read from the same one place. */
export function simulatorConfigFromProcessEnvironment(): SimulatorConfig {
  return loadSimulatorConfig(process.env);
}
