import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type {
  AppConfig,
  AuthMode,
  AzureAdConfig,
  NodeEnvironment,
  TrustProxy,
} from './app-config.js';
import { ConfigurationError, type Environment } from './configuration-error.js';
import { EnvironmentDto } from './environment.dto.js';
import { phoneKeysConfig } from './phone-keys-config.js';
import { whatsAppConfig } from './whatsapp-config.js';
import { contentSafeguardsConfig } from './content-safeguards-config.js';

export { ConfigurationError, type Environment } from './configuration-error.js';

function validateEnvironment(env: Environment): { dto: EnvironmentDto; problems: string[] } {
  // Blank values count as unset: an empty line in a .env file should not become configuration.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const dto = plainToInstance(EnvironmentDto, present, { excludeExtraneousValues: false });
  const problems = validateSync(dto, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  return { dto, problems };
}

/** Both or neither; plain http only for a redirect back to this machine (development). */
function consoleSignInConfig(dto: EnvironmentDto, problems: string[]) {
  const clientSecret = dto.AZURE_AD_CLIENT_SECRET;
  const redirectUrl = dto.AZURE_AD_REDIRECT_URL;
  if (!clientSecret && !redirectUrl) return null;
  if (!clientSecret || !redirectUrl) {
    problems.push('AZURE_AD_CLIENT_SECRET and AZURE_AD_REDIRECT_URL go together');
    return null;
  }
  const url = new URL(redirectUrl);
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    problems.push('AZURE_AD_REDIRECT_URL must be https (http only for localhost)');
    return null;
  }
  return { clientSecret, redirectUrl };
}

function azureAdConfig(dto: EnvironmentDto, problems: string[]): AzureAdConfig | null {
  const tenantId = dto.AZURE_AD_TENANT_ID;
  const clientId = dto.AZURE_AD_CLIENT_ID;
  if (!tenantId) problems.push('AZURE_AD_TENANT_ID is required when AUTH_MODE=azure-ad');
  if (!clientId) problems.push('AZURE_AD_CLIENT_ID is required when AUTH_MODE=azure-ad');
  if (!tenantId || !clientId) return null;
  const authority = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  return {
    tenantId,
    clientId,
    audience: dto.AZURE_AD_AUDIENCE ?? clientId,
    issuer: dto.AZURE_AD_ISSUER ?? authority,
    metadataUrl: dto.AZURE_AD_METADATA_URL ?? `${authority}/.well-known/openid-configuration`,
    consoleSignIn: consoleSignInConfig(dto, problems),
  };
}

/** `true` (trust every hop) is not offered: it would let any client claim any address. */
function trustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value.toLowerCase() === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Reads the environment once into a typed configuration. Every invalid or missing variable is
 * reported together in one ConfigurationError.
 */
export function loadConfig(env: Environment): AppConfig {
  const { dto, problems } = validateEnvironment(env);
  const nodeEnv = (dto.NODE_ENV ?? 'development') as NodeEnvironment;
  const production = nodeEnv === 'production';
  const authMode = (dto.AUTH_MODE ?? (production ? 'azure-ad' : 'local')) as AuthMode;

  if (production && authMode === 'local') {
    problems.push('AUTH_MODE=local is refused when NODE_ENV=production; use azure-ad');
  }
  const azureAd = authMode === 'azure-ad' ? azureAdConfig(dto, problems) : null;
  if (dto.AUDIT_SIGNING_KEY && dto.AUDIT_SIGNING_KEY_FILE) {
    problems.push('set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both');
  }
  if (production && !dto.AUDIT_SIGNING_KEY && !dto.AUDIT_SIGNING_KEY_FILE) {
    problems.push(
      'AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE is required in production: the key that signs audit checkpoints',
    );
  }

  if (dto.TRUST_PROXY?.toLowerCase() === 'true') {
    problems.push(
      'TRUST_PROXY=true would believe any client about its address; name the hops or addresses',
    );
  }

  const whatsapp = whatsAppConfig(dto, env, production, problems);
  const phoneKeys = phoneKeysConfig(dto, production, problems);
  const contentSafeguards = contentSafeguardsConfig(dto, problems);
  const port = dto.PORT ?? 3000;
  const privacyNotice = privacyNoticeConfig(dto, port, production, problems);

  if (problems.length > 0) throw new ConfigurationError(problems);

  return {
    nodeEnv,
    port,
    databaseUrl: dto.DATABASE_URL ?? null,
    embeddedDatabase: {
      dataDir: dto.EMBEDDED_PG_DIR ?? './data/postgres',
      port: dto.EMBEDDED_PG_PORT ?? 54329,
    },
    migrationsRun: dto.MIGRATIONS_RUN ?? true,
    auth: {
      mode: authMode,
      // Without a configured secret, local tokens are valid only for this process's lifetime.
      localTokenSecret: dto.LOCAL_AUTH_SECRET ?? randomBytes(32).toString('base64url'),
      localTokenTtlSeconds: dto.LOCAL_AUTH_TOKEN_TTL_SECONDS ?? 3600,
      azureAd,
    },
    bootstrapAdminEmail:
      dto.BOOTSTRAP_ADMIN_EMAIL?.toLowerCase() ?? (production ? null : 'admin@example.gov.uk'),
    demoSeed: dto.DEMO_SEED ?? dto.DATABASE_URL === undefined,
    http: {
      bodyLimitBytes: dto.HTTP_BODY_LIMIT_BYTES ?? 256 * 1024,
      trustProxy: trustProxy(dto.TRUST_PROXY),
    },
    console: {
      // The demo's fictional council outside production; a real one names itself.
      councilName: dto.COUNCIL_NAME ?? (production ? null : 'Example Borough Council'),
      sessionIdleMinutes: dto.CONSOLE_SESSION_IDLE_MINUTES ?? 30,
      sessionLifetimeHours: dto.CONSOLE_SESSION_LIFETIME_HOURS ?? 8,
    },
    audit: {
      signingKey: dto.AUDIT_SIGNING_KEY
        ? { pem: dto.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n') }
        : {
            file: dto.AUDIT_SIGNING_KEY_FILE ?? './data/audit-signing-key.pem',
            // Outside production a development key is made on first start; never in production.
            createIfMissing: !production,
          },
      checkpointDir: dto.AUDIT_CHECKPOINT_DIR ?? './data/checkpoints',
      checkpointIntervalSeconds: dto.AUDIT_CHECKPOINT_INTERVAL_SECONDS ?? 300,
      origin: dto.AUDIT_LOG_ORIGIN ?? 'crier',
    },
    whatsapp,
    phoneKeys,
    fanout: {
      worker: dto.FANOUT_WORKER ?? true,
      inDoubtSeconds: dto.FANOUT_IN_DOUBT_SECONDS ?? 60,
    },
    retention: { deliveryDays: dto.DELIVERY_RETENTION_DAYS ?? 90 },
    contentSafeguards,
    privacyNotice,
    logLevel: (dto.LOG_LEVEL ?? 'log') as AppConfig['logLevel'],
  };
}

/**
 * The privacy notice residents are pointed to on WhatsApp. Outside production it is Crier's own
 * page on this machine; a council names its public address (its own site's notice, or Crier's
 * /subscribe/privacy behind its domain), with a Welsh one if it has one.
 */
function privacyNoticeConfig(
  dto: EnvironmentDto,
  port: number,
  production: boolean,
  problems: string[],
): AppConfig['privacyNotice'] {
  if (dto.PRIVACY_NOTICE_URL) {
    return { en: dto.PRIVACY_NOTICE_URL, cy: dto.PRIVACY_NOTICE_URL_CY ?? dto.PRIVACY_NOTICE_URL };
  }
  if (production) {
    problems.push(
      "PRIVACY_NOTICE_URL is required in production: JOIN's welcome and PRIVACY link residents to it",
    );
  }
  const own = `http://localhost:${port}/subscribe/privacy`;
  return { en: own, cy: dto.PRIVACY_NOTICE_URL_CY ?? `${own}?lang=cy` };
}
