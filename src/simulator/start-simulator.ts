import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { SimulatorConfig } from '../config/simulator-config.js';
import { systemClock } from './clock.js';
import { createSimulatorApp } from './simulator-app.js';
import { type SimulatorDependencies, SimulatorState } from './simulator-state.js';
import { BUILT_IN_TEMPLATES, loadTemplatesFile } from './templates.js';

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:4010: use it where the real API's https://graph.facebook.com goes. */
  url: string;
  close(): Promise<void>;
}

/** Starts the simulator in this process (tests, and the embedded `npm start`). */
export async function startSimulator(
  config: SimulatorConfig,
  deps: Partial<SimulatorDependencies> = {},
): Promise<RunningSimulator> {
  const extra = config.templatesFile ? await loadTemplatesFile(config.templatesFile) : [];
  const state = new SimulatorState(config, [...BUILT_IN_TEMPLATES, ...extra], {
    clock: deps.clock ?? systemClock,
    random: deps.random ?? Math.random,
    log: deps.log ?? (() => undefined),
    webhookUrl: deps.webhookUrl ?? (() => config.webhookUrl),
  });
  const server = createSimulatorApp(state).listen(config.port);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await state.background.cancelAll();
      await state.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
