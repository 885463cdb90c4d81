import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRIER_NODE_FLAGS } from '../../src/node-flags.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Compiled, this file sits in dist/test/bench beside dist/src; run from source (tests), it
// starts the compiled app in dist/ all the same.
const MAIN = existsSync(path.resolve(HERE, '../../src/main.js'))
  ? path.resolve(HERE, '../../src/main.js')
  : path.resolve(HERE, '../../dist/src/main.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface AppProcess {
  baseUrl: URL;
  pid: number;
  stop(): Promise<void>;
  /** Ends the process at once, as a crash or an OOM kill would: no shutdown hooks run. */
  kill(): Promise<void>;
}

/**
 * Crier as it runs in production: its own process (`node dist/src/main.js`), so the load
 * generator does not share its event loop and the figures are the server's alone.
 */
export async function startAppProcess(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const profile = process.env.BENCH_CPU_PROFILE_DIR;
  const args = [
    ...CRIER_NODE_FLAGS,
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    MAIN,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = new URL(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Crier exited with code ${child.exitCode}`);
    try {
      const response = await fetch(new URL('/health/ready', baseUrl));
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('Crier did not become ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
