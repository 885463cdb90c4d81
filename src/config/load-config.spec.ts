import { describe, expect, it } from 'vitest';
import { ConfigurationError, type Environment, loadConfig } from './load-config.js';

const AZURE = { AZURE_AD_TENANT_ID: 'tenant-1', AZURE_AD_CLIENT_ID: 'client-1' };
const KEY_32 = Buffer.alloc(32, 1).toString('base64');
/** Everything else production requires, so each test below is about one thing. */
const SIGNING_KEY_FILE = {
  AUDIT_SIGNING_KEY_FILE: '/run/secrets/audit-signing-key.pem',
  WHATSAPP_ACCESS_TOKEN: 'EAAG-production-token',
  WHATSAPP_APP_SECRET: 'production-app-secret',
  WHATSAPP_VERIFY_TOKEN: 'production-verify-token',
  PHONE_ENCRYPTION_KEYS: `k1:${KEY_32}`,
  PHONE_LOOKUP_KEY: KEY_32,
  PRIVACY_NOTICE_URL: 'https://www.example-borough.gov.uk/privacy/alerts',
};

/** The ConfigurationError `env` is refused with; fails the test if it loads. */
function refusal(env: Environment): ConfigurationError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError, but the configuration loaded');
}

describe('loadConfig', () => {
  describe('the privacy notice residents are linked to', () => {
    it("is Crier's own page, in English and Welsh, outside production", () => {
      expect(loadConfig({ PORT: '3100' }).privacyNotice).toEqual({
        en: 'http://localhost:3100/subscribe/privacy',
        cy: 'http://localhost:3100/subscribe/privacy?lang=cy',
      });
    });

    it("is the council's address when given, the Welsh one falling back to it", () => {
      const url = 'https://www.example-borough.gov.uk/privacy/alerts';
      expect(loadConfig({ PRIVACY_NOTICE_URL: url }).privacyNotice).toEqual({ en: url, cy: url });
      const cy = 'https://www.example-borough.gov.uk/cy/preifatrwydd';
      expect(
        loadConfig({ PRIVACY_NOTICE_URL: url, PRIVACY_NOTICE_URL_CY: cy }).privacyNotice.cy,
      ).toBe(cy);
      expect(refusal({ PRIVACY_NOTICE_URL: 'not a url' }).message).toMatch(/PRIVACY_NOTICE_URL/);
    });

    it('is required in production', () => {
      const { PRIVACY_NOTICE_URL: _url, ...rest } = SIGNING_KEY_FILE;
      const error = refusal({ NODE_ENV: 'production', ...AZURE, ...rest });
      expect(error.message).toMatch(/PRIVACY_NOTICE_URL is required in production/);
    });
  });

  describe('defaults, outside production', () => {
    const config = loadConfig({});

    it('runs in development on port 3000', () => {
      expect(config.nodeEnv).toBe('development');
      expect(config.port).toBe(3000);
    });

    it('signs in locally, with a random secret when none is configured', () => {
      expect(config.auth.mode).toBe('local');
      expect(config.auth.azureAd).toBeNull();
      expect(config.auth.localTokenSecret.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({}).auth.localTokenSecret).not.toBe(config.auth.localTokenSecret);
      expect(config.auth.localTokenTtlSeconds).toBe(3600);
    });

    it('runs the embedded database, with migrations and the demo seed', () => {
      expect(config.databaseUrl).toBeNull();
      expect(config.embeddedDatabase).toEqual({ dataDir: './data/postgres', port: 54329 });
      expect(config.migrationsRun).toBe(true);
      expect(config.demoSeed).toBe(true);
    });

    it('names a default bootstrap admin', () => {
      expect(config.bootstrapAdminEmail).toBe('admin@example.gov.uk');
    });

    it('has the other defaults', () => {
      expect(config.http.bodyLimitBytes).toBe(256 * 1024);
      expect(config.logLevel).toBe('log');
    });

    it('treats NODE_ENV=test like development', () => {
      const test = loadConfig({ NODE_ENV: 'test' });
      expect(test.nodeEnv).toBe('test');
      expect(test.auth.mode).toBe('local');
      expect(test.bootstrapAdminEmail).toBe('admin@example.gov.uk');
    });
  });

  it('reads and converts the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://crier:secret@db:5432/crier',
      MIGRATIONS_RUN: 'no',
      LOCAL_AUTH_SECRET: 'x'.repeat(32),
      LOCAL_AUTH_TOKEN_TTL_SECONDS: '600',
      BOOTSTRAP_ADMIN_EMAIL: 'Jo.Bloggs@Example.gov.uk',
      HTTP_BODY_LIMIT_BYTES: '2048',
      LOG_LEVEL: 'debug',
      EMBEDDED_PG_DIR: '/var/lib/crier',
      EMBEDDED_PG_PORT: '5433',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://crier:secret@db:5432/crier',
      embeddedDatabase: { dataDir: '/var/lib/crier', port: 5433 },
      migrationsRun: false,
      auth: { mode: 'local', localTokenSecret: 'x'.repeat(32), localTokenTtlSeconds: 600 },
      bootstrapAdminEmail: 'jo.bloggs@example.gov.uk',
      http: { bodyLimitBytes: 2048 },
      logLevel: 'debug',
    });
  });

  describe('demo seed', () => {
    it('is off with an external database unless DEMO_SEED says otherwise', () => {
      expect(loadConfig({ DATABASE_URL: 'postgres://db/crier' }).demoSeed).toBe(false);
      expect(loadConfig({ DATABASE_URL: 'postgres://db/crier', DEMO_SEED: 'true' }).demoSeed).toBe(
        true,
      );
    });

    it('is on with the embedded database unless DEMO_SEED says otherwise', () => {
      expect(loadConfig({}).demoSeed).toBe(true);
      expect(loadConfig({ DEMO_SEED: 'false' }).demoSeed).toBe(false);
      expect(loadConfig({ DEMO_SEED: '0' }).demoSeed).toBe(false);
    });
  });

  describe('production', () => {
    it('refuses local sign-in', () => {
      const error = refusal({
        NODE_ENV: 'production',
        AUTH_MODE: 'local',
        ...AZURE,
        ...SIGNING_KEY_FILE,
      });
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toMatch(/AUTH_MODE=local/);
      expect(error.message).toContain(error.problems[0]);
    });

    it('defaults to Azure AD and has no default bootstrap admin', () => {
      const config = loadConfig({ NODE_ENV: 'production', ...AZURE, ...SIGNING_KEY_FILE });
      expect(config.nodeEnv).toBe('production');
      expect(config.auth.mode).toBe('azure-ad');
      expect(config.bootstrapAdminEmail).toBeNull();
      expect(config.auth.azureAd).toEqual({
        tenantId: 'tenant-1',
        clientId: 'client-1',
        audience: 'client-1',
        issuer: 'https://login.microsoftonline.com/tenant-1/v2.0',
        metadataUrl:
          'https://login.microsoftonline.com/tenant-1/v2.0/.well-known/openid-configuration',
        consoleSignIn: null,
      });
    });

    it('takes a bootstrap admin when one is named', () => {
      expect(
        loadConfig({
          NODE_ENV: 'production',
          BOOTSTRAP_ADMIN_EMAIL: 'it@council.gov.uk',
          ...AZURE,
          ...SIGNING_KEY_FILE,
        }).bootstrapAdminEmail,
      ).toBe('it@council.gov.uk');
    });

    it('requires the Azure AD tenant and client when it defaults to Azure AD', () => {
      const error = refusal({ NODE_ENV: 'production', ...SIGNING_KEY_FILE });
      expect(error.problems).toEqual([
        expect.stringContaining('AZURE_AD_TENANT_ID'),
        expect.stringContaining('AZURE_AD_CLIENT_ID'),
      ]);
    });

    it('requires an audit signing key and never makes one up', () => {
      const { AUDIT_SIGNING_KEY_FILE: _file, ...others } = SIGNING_KEY_FILE;
      const error = refusal({ NODE_ENV: 'production', ...AZURE, ...others });
      expect(error.problems).toEqual([expect.stringContaining('AUDIT_SIGNING_KEY')]);
      const config = loadConfig({ NODE_ENV: 'production', ...AZURE, ...SIGNING_KEY_FILE });
      expect(config.audit.signingKey).toEqual({
        file: '/run/secrets/audit-signing-key.pem',
        createIfMissing: false,
      });
    });
  });

  describe('audit checkpoints', () => {
    it('default to a development key file that is made on first start, and a checkpoint directory', () => {
      const config = loadConfig({});
      expect(config.audit).toEqual({
        signingKey: { file: './data/audit-signing-key.pem', createIfMissing: true },
        checkpointDir: './data/checkpoints',
        checkpointIntervalSeconds: 300,
        origin: 'crier',
      });
    });

    it('take a PEM key from the environment, with escaped newlines as Key Vault stores them', () => {
      const pem =
        '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----';
      const config = loadConfig({ AUDIT_SIGNING_KEY: pem });
      expect(config.audit.signingKey).toEqual({
        pem: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----',
      });
    });

    it('refuse a key given twice, a non-PEM key and a bad interval, all at once', () => {
      const error = refusal({
        AUDIT_SIGNING_KEY: 'not a key',
        AUDIT_SIGNING_KEY_FILE: '/tmp/key.pem',
        AUDIT_CHECKPOINT_INTERVAL_SECONDS: '-5',
      });
      expect(error.problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('AUDIT_SIGNING_KEY must be a PEM'),
          expect.stringContaining('AUDIT_CHECKPOINT_INTERVAL_SECONDS'),
        ]),
      );
    });
  });

  describe('delivery retention', () => {
    it('keeps delivery rows 90 days unless told otherwise', () => {
      expect(loadConfig({}).retention).toEqual({ deliveryDays: 90 });
      expect(loadConfig({ DELIVERY_RETENTION_DAYS: '30' }).retention.deliveryDays).toBe(30);
    });

    it.each(['0', '3651', '7.5', 'ninety'])('refuses DELIVERY_RETENTION_DAYS=%s', (value) => {
      const { problems } = refusal({ DELIVERY_RETENTION_DAYS: value });
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem).toContain('DELIVERY_RETENTION_DAYS');
    });
  });

  describe('Azure AD', () => {
    it('lists both the missing tenant and client', () => {
      const error = refusal({ AUTH_MODE: 'azure-ad' });
      expect(error.problems).toHaveLength(2);
      expect(error.problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining('AZURE_AD_TENANT_ID'),
          expect.stringContaining('AZURE_AD_CLIENT_ID'),
        ]),
      );
    });

    it('lists only what is missing', () => {
      expect(refusal({ AUTH_MODE: 'azure-ad', AZURE_AD_TENANT_ID: 't' }).problems).toEqual([
        expect.stringContaining('AZURE_AD_CLIENT_ID'),
      ]);
    });

    it('takes the console sign-in settings together, and https unless the callback is local', () => {
      const secret = { AZURE_AD_CLIENT_SECRET: 'a-client-secret-value' };
      const https = 'https://crier.example.gov.uk/console/sign-in/microsoft/callback';
      const config = loadConfig({
        AUTH_MODE: 'azure-ad',
        ...AZURE,
        ...secret,
        AZURE_AD_REDIRECT_URL: https,
      });
      expect(config.auth.azureAd?.consoleSignIn).toEqual({
        clientSecret: 'a-client-secret-value',
        redirectUrl: https,
      });
      expect(
        loadConfig({ AUTH_MODE: 'azure-ad', ...AZURE }).auth.azureAd?.consoleSignIn,
      ).toBeNull();
      expect(refusal({ AUTH_MODE: 'azure-ad', ...AZURE, ...secret }).problems).toEqual([
        expect.stringContaining('go together'),
      ]);
      const plain = { AUTH_MODE: 'azure-ad', ...AZURE, ...secret };
      expect(
        refusal({ ...plain, AZURE_AD_REDIRECT_URL: 'http://crier.example.gov.uk/cb' }).problems,
      ).toEqual([expect.stringContaining('must be https')]);
      expect(
        loadConfig({ ...plain, AZURE_AD_REDIRECT_URL: 'http://localhost:3000/cb' }).auth.azureAd
          ?.consoleSignIn,
      ).toMatchObject({ redirectUrl: 'http://localhost:3000/cb' });
    });

    it('takes an explicit audience, issuer and metadata URL', () => {
      const config = loadConfig({
        AUTH_MODE: 'azure-ad',
        ...AZURE,
        AZURE_AD_AUDIENCE: 'api://crier',
        AZURE_AD_ISSUER: 'https://issuer.example/tenant-1',
        AZURE_AD_METADATA_URL: 'https://issuer.example/tenant-1/.well-known/openid-configuration',
      });
      expect(config.auth.azureAd).toMatchObject({
        audience: 'api://crier',
        issuer: 'https://issuer.example/tenant-1',
        metadataUrl: 'https://issuer.example/tenant-1/.well-known/openid-configuration',
      });
    });
  });

  it('reports several bad variables in one ConfigurationError', () => {
    const error = refusal({
      PORT: 'abc',
      MIGRATIONS_RUN: 'maybe',
      DATABASE_URL: 'mysql://x',
      AUTH_MODE: 'ldap',
    });
    expect(error.name).toBe('ConfigurationError');
    for (const variable of ['PORT', 'MIGRATIONS_RUN', 'DATABASE_URL', 'AUTH_MODE']) {
      expect(error.problems.some((problem) => problem.startsWith(variable))).toBe(true);
      expect(error.message).toContain(variable);
    }
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['NODE_ENV', 'prod'],
    ['DEMO_SEED', 'sometimes'],
    ['LOCAL_AUTH_SECRET', 'too-short'],
    ['BOOTSTRAP_ADMIN_EMAIL', 'not-an-email'],
    ['AZURE_AD_ISSUER', 'http://insecure.example'],
    ['LOG_LEVEL', 'trace'],
  ])('refuses %s=%s', (variable, value) => {
    const error = refusal({ [variable]: value, ...AZURE });
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems.every((problem) => problem.startsWith(variable))).toBe(true);
  });

  it('counts blank values as unset', () => {
    const config = loadConfig({
      NODE_ENV: '',
      PORT: '   ',
      DATABASE_URL: '',
      AUTH_MODE: ' ',
      MIGRATIONS_RUN: '',
      DEMO_SEED: '',
      BOOTSTRAP_ADMIN_EMAIL: '',
      UNRELATED: undefined,
    });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: null,
      migrationsRun: true,
      demoSeed: true,
      bootstrapAdminEmail: 'admin@example.gov.uk',
      auth: { mode: 'local' },
    });
  });

  it('counts blank Azure AD values as missing', () => {
    const error = refusal({
      AUTH_MODE: 'azure-ad',
      AZURE_AD_TENANT_ID: ' ',
      AZURE_AD_CLIENT_ID: '',
    });
    expect(error.problems).toHaveLength(2);
  });

  it('ignores variables it does not read', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/home/crier' })).not.toThrow();
  });

  describe('WhatsApp', () => {
    it('runs the simulator in-process when nothing is set outside production', () => {
      const { whatsapp } = loadConfig({ SIM_PORT: '0' });
      expect(whatsapp.mode).toBe('embedded-simulator');
      expect(whatsapp.embeddedSimulator).toMatchObject({ port: 0 });
      expect(whatsapp.accessToken).toBe(whatsapp.embeddedSimulator?.accessToken);
      expect(whatsapp.appSecret).toBe(whatsapp.embeddedSimulator?.appSecret);
    });

    it('sends to the Graph API by default once any WhatsApp setting is given', () => {
      const { whatsapp } = loadConfig({
        WHATSAPP_ACCESS_TOKEN: 'token-123',
        WHATSAPP_APP_SECRET: 'secret-123',
        WHATSAPP_VERIFY_TOKEN: 'verify-123',
      });
      expect(whatsapp).toMatchObject({
        mode: 'cloud-api',
        apiBaseUrl: 'https://graph.facebook.com',
        apiVersion: 'v23.0',
        embeddedSimulator: null,
      });
    });

    it('sends to WHATSAPP_API_BASE_URL (a simulator run elsewhere, say)', () => {
      const { whatsapp } = loadConfig({
        WHATSAPP_API_BASE_URL: 'http://simulator:4010/',
        WHATSAPP_API_VERSION: 'v21.0',
        WHATSAPP_ACCESS_TOKEN: 'token-123',
        WHATSAPP_APP_SECRET: 'secret-123',
        WHATSAPP_VERIFY_TOKEN: 'verify-123',
      });
      expect(whatsapp).toMatchObject({ apiBaseUrl: 'http://simulator:4010', apiVersion: 'v21.0' });
    });

    it('requires the token, app secret and verify token for the Cloud API', () => {
      const error = refusal({ WHATSAPP_API_BASE_URL: 'https://graph.facebook.com' });
      expect(error.problems).toEqual([
        expect.stringContaining('WHATSAPP_ACCESS_TOKEN'),
        expect.stringContaining('WHATSAPP_APP_SECRET'),
        expect.stringContaining('WHATSAPP_VERIFY_TOKEN'),
      ]);
    });

    it('never runs the simulator in production', () => {
      const {
        WHATSAPP_ACCESS_TOKEN: _t,
        WHATSAPP_APP_SECRET: _s,
        WHATSAPP_VERIFY_TOKEN: _v,
        ...rest
      } = SIGNING_KEY_FILE;
      const error = refusal({ NODE_ENV: 'production', ...AZURE, ...rest });
      expect(error.problems).toHaveLength(3);
    });

    it('reads the messaging limit: a tier, or unlimited by default', () => {
      expect(loadConfig({}).whatsapp.messagingLimit).toBeNull();
      expect(loadConfig({ WHATSAPP_MESSAGING_LIMIT: '2000' }).whatsapp.messagingLimit).toBe(2000);
      expect(refusal({ WHATSAPP_MESSAGING_LIMIT: 'lots' }).problems.join(' ')).toMatch(
        /WHATSAPP_MESSAGING_LIMIT/,
      );
    });

    it('refuses a malformed version or URL', () => {
      const error = refusal({ WHATSAPP_API_VERSION: '23', WHATSAPP_API_BASE_URL: 'ftp://x' });
      expect(error.problems.join(' ')).toMatch(/WHATSAPP_API_VERSION.*|WHATSAPP_API_BASE_URL/);
      expect(error.problems.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('phone-number keys', () => {
    it('uses a development key file outside production when none are set', () => {
      expect(loadConfig({}).phoneKeys).toEqual({ source: { file: './data/phone-keys.json' } });
    });

    it('reads a newest-first key list and the lookup key', () => {
      const other = Buffer.alloc(32, 2).toString('base64');
      const { phoneKeys } = loadConfig({
        PHONE_ENCRYPTION_KEYS: `k2:${other},k1:${KEY_32}`,
        PHONE_LOOKUP_KEY: KEY_32,
      });
      expect(
        'keys' in phoneKeys.source && phoneKeys.source.keys.encryption.map((k) => k.id),
      ).toEqual(['k2', 'k1']);
    });

    it.each([
      [{ PHONE_ENCRYPTION_KEYS: `k1:${KEY_32}` }, /both/],
      [
        {
          PHONE_ENCRYPTION_KEYS: `k1:${Buffer.alloc(31, 1).toString('base64')}`,
          PHONE_LOOKUP_KEY: KEY_32,
        },
        /32 bytes/,
      ],
      [{ PHONE_ENCRYPTION_KEYS: `k1:${KEY_32},k1:${KEY_32}`, PHONE_LOOKUP_KEY: KEY_32 }, /differ/],
      [
        { PHONE_ENCRYPTION_KEYS: 'not a key list', PHONE_LOOKUP_KEY: KEY_32 },
        /PHONE_ENCRYPTION_KEYS/,
      ],
    ])('refuses %j', (env, problem) => {
      expect(refusal(env).problems.join(' ')).toMatch(problem);
    });

    it('requires real keys in production', () => {
      const { PHONE_ENCRYPTION_KEYS: _e, PHONE_LOOKUP_KEY: _l, ...rest } = SIGNING_KEY_FILE;
      const error = refusal({ NODE_ENV: 'production', ...AZURE, ...rest });
      expect(error.problems).toEqual([expect.stringContaining('PHONE_ENCRYPTION_KEYS')]);
    });
  });

  describe('the staff console and the proxy', () => {
    it('has a 30-minute idle timeout, an 8-hour lifetime and the demo council by default', () => {
      expect(loadConfig({}).console).toEqual({
        councilName: 'Example Borough Council',
        sessionIdleMinutes: 30,
        sessionLifetimeHours: 8,
      });
      const production = loadConfig({ NODE_ENV: 'production', ...AZURE, ...SIGNING_KEY_FILE });
      expect(production.console.councilName).toBeNull();
    });

    it('takes the council name and session timeouts, within bounds', () => {
      const config = loadConfig({
        COUNCIL_NAME: 'Cheshire East Council',
        CONSOLE_SESSION_IDLE_MINUTES: '15',
        CONSOLE_SESSION_LIFETIME_HOURS: '10',
      });
      expect(config.console).toEqual({
        councilName: 'Cheshire East Council',
        sessionIdleMinutes: 15,
        sessionLifetimeHours: 10,
      });
      const error = refusal({
        CONSOLE_SESSION_IDLE_MINUTES: '1',
        CONSOLE_SESSION_LIFETIME_HOURS: '48',
      });
      expect(error.problems).toEqual([
        expect.stringContaining('CONSOLE_SESSION_IDLE_MINUTES'),
        expect.stringContaining('CONSOLE_SESSION_LIFETIME_HOURS'),
      ]);
    });

    it('trusts no proxy unless told which, and never every hop', () => {
      expect(loadConfig({}).http.trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
      expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe(
        'loopback, 10.0.0.0/8',
      );
      expect(refusal({ TRUST_PROXY: 'true' }).problems).toEqual([
        expect.stringContaining('TRUST_PROXY'),
      ]);
      expect(refusal({ TRUST_PROXY: 'every<thing>' }).problems).toEqual([
        expect.stringContaining('TRUST_PROXY'),
      ]);
    });
  });
});
