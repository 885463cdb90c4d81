import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL with the right to create databases: each test file makes its own. */
    pgAdminUrl: string;
    /** A key and self-signed certificate for localhost, trusted by every test worker. */
    tlsKeyPath: string;
    tlsCertPath: string;
  }
}

const EMBEDDED_TEST_DIR = './data/test-postgres';

/**
 * passport-azure-ad only fetches OIDC metadata over HTTPS, so the mock identity provider needs a
 * certificate the workers trust. Node reads NODE_EXTRA_CA_CERTS only at start-up; the workers
 * start after this setup and inherit its environment.
 */
async function trustLocalhostCertificate(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'crier-test-tls-'));
  const [key, cert, bundle] = ['key.pem', 'cert.pem', 'ca-bundle.pem'].map((f) => join(dir, f));
  await promisify(execFile)('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
    ...['-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'],
    ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
  ]);
  // Keep any CAs the developer already trusts this way (a corporate proxy's, say).
  const inherited = process.env.NODE_EXTRA_CA_CERTS;
  const existing = inherited ? await readFile(inherited, 'utf8').catch(() => '') : '';
  await writeFile(bundle, `${existing}\n${await readFile(cert, 'utf8')}`);
  process.env.NODE_EXTRA_CA_CERTS = bundle;
  project.provide('tlsKeyPath', key);
  project.provide('tlsCertPath', cert);
  return () => rm(dir, { recursive: true, force: true });
}

/**
 * Tests run against DATABASE_URL's server when it is set (CI uses the machine's PostgreSQL),
 * otherwise against a throwaway embedded PostgreSQL.
 */
async function provideDatabase(project: TestProject): Promise<() => Promise<void>> {
  const fromEnvironment = process.env.DATABASE_URL;
  if (fromEnvironment) {
    project.provide('pgAdminUrl', fromEnvironment);
    return async () => {};
  }
  await rm(EMBEDDED_TEST_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_TEST_DIR, port: 54330 });
  project.provide('pgAdminUrl', server.url);
  return async () => {
    await server.stop();
    await rm(EMBEDDED_TEST_DIR, { recursive: true, force: true });
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const untrust = await trustLocalhostCertificate(project);
  const stopDatabase = await provideDatabase(project).catch(async (error: unknown) => {
    await untrust();
    throw error;
  });
  return async () => {
    await stopDatabase();
    await untrust();
  };
}
