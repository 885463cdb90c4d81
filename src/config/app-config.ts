import type { SimulatorConfig } from './simulator-config.js';

/** The typed configuration that every other module receives. Built once at boot from the environment. */
export type AuthMode = 'local' | 'azure-ad';
export type NodeEnvironment = 'development' | 'production' | 'test';

/** false, a number of hops, or Express's names and addresses ('loopback', '10.0.0.0/8', ...). */
export type TrustProxy = false | number | string;

export interface EmbeddedDatabaseConfig {
  /** Where the embedded PostgreSQL keeps its cluster. */
  dataDir: string;
  port: number;
}

export interface AzureAdConfig {
  tenantId: string;
  clientId: string;
  audience: string;
  issuer: string;
  metadataUrl: string;
  /**
   * The console's "Sign in with Microsoft" (OpenID Connect code flow): the app registration's
   * client secret and the callback URL registered with it. Null leaves the console without
   * Microsoft sign-in (the API still takes Entra ID bearer tokens).
   */
  consoleSignIn: { clientSecret: string; redirectUrl: string } | null;
}

export interface AuditConfig {
  /** The Ed25519 private key that signs checkpoints: PEM text, or a file that holds it. */
  signingKey: { pem: string } | { file: string; createIfMissing: boolean };
  /** Where signed checkpoints are written, outside the database. */
  checkpointDir: string;
  /** 0 turns the periodic checkpoint off (checkpoints can still be made on demand). */
  checkpointIntervalSeconds: number;
  /** Names this log in its checkpoints, e.g. "crier.example-borough.gov.uk". */
  origin: string;
}

/** Where Crier sends WhatsApp messages and how it checks Meta's callbacks. */
export interface WhatsAppConfig {
  /**
   * `cloud-api`: send to `apiBaseUrl` (Meta's Graph API, or a simulator run elsewhere).
   * `embedded-simulator`: start the Cloud API simulator inside this process and send to it; chosen
   * only outside production when no WhatsApp setting is given, so the demo needs no setup.
   */
  mode: 'cloud-api' | 'embedded-simulator';
  /** Meta's Graph API origin; for the embedded simulator, filled in once it listens. */
  apiBaseUrl: string;
  apiVersion: string;
  accessToken: string;
  /** Keys the X-Hub-Signature-256 HMAC on Meta's callbacks. */
  appSecret: string;
  /** Answers Meta's GET verification handshake. */
  verifyToken: string;
  sendTimeoutMs: number;
  /**
   * Unique residents the council's business portfolio may reach outside their service window
   * in a moving 24 hours (Meta's tiers: 250, 2,000, 10,000, 100,000); null is unlimited.
   */
  messagingLimit: number | null;
  /**
   * The approved template that asks a resident to confirm a web opt-in: one body parameter,
   * then quick replies Confirm (button 0) and Not me (button 1).
   */
  optInTemplate: string;
  /**
   * The price of one template message on the council's rate card (WHATSAPP_TEMPLATE_PRICE),
   * for the cost shown before approval; an example price when the embedded simulator is in use;
   * otherwise null.
   */
  pricing: { currency: string; perMessage: number; example: boolean } | null;
  /** Settings for the in-process simulator (embedded mode only). */
  embeddedSimulator: SimulatorConfig | null;
}

/** Keys that protect residents' and staff phone numbers at rest. */
export interface PhoneKeysConfig {
  /** The keys themselves, or a file of development keys made on first start outside production. */
  source:
    { keys: { encryption: { id: string; key: Buffer }[]; lookup: Buffer } } | { file: string };
}

export interface AppConfig {
  nodeEnv: NodeEnvironment;
  port: number;
  /** A PostgreSQL URL, or null to run the embedded PostgreSQL. */
  databaseUrl: string | null;
  embeddedDatabase: EmbeddedDatabaseConfig;
  migrationsRun: boolean;
  auth: {
    mode: AuthMode;
    /** HS256 key for tokens issued by the local sign-in route. */
    localTokenSecret: string;
    localTokenTtlSeconds: number;
    azureAd: AzureAdConfig | null;
  };
  bootstrapAdminEmail: string | null;
  /** Seed the fictional "Example Borough Council" when the database holds no services. */
  demoSeed: boolean;
  http: {
    bodyLimitBytes: number;
    /**
     * Express's `trust proxy`: which hops' X-Forwarded-* headers to believe (for the client's
     * address and https). Off unless the council's load balancer is named, since anyone can send
     * those headers.
     */
    trustProxy: TrustProxy;
  };
  /** The staff console's pages and sessions. */
  console: {
    /** Shown in the header and page titles; null leaves it out. */
    councilName: string | null;
    /** A session unused for this long ends. */
    sessionIdleMinutes: number;
    /** A session ends this long after sign-in, however busy. */
    sessionLifetimeHours: number;
  };
  /**
   * Where residents read the privacy notice, linked from JOIN's welcome and the PRIVACY summary:
   * by default Crier's own /subscribe/privacy (English and Welsh) outside production.
   */
  privacyNotice: { en: string; cy: string };
  audit: AuditConfig;
  whatsapp: WhatsAppConfig;
  phoneKeys: PhoneKeysConfig;
  fanout: {
    /**
     * Whether this process sends approved alerts. Every process does by default; an installation
     * may keep some processes to the API and the webhooks only.
     */
    worker: boolean;
    /**
     * How long a send claimed by a worker that stopped answering (a crash) waits for the
     * provider's receipt before it is sent again. Long enough for Meta's first status callback.
     */
    inDoubtSeconds: number;
  };
  retention: {
    /** Days the delivery rows of a finished send (and their receipts) are kept. */
    deliveryDays: number;
  };
  /** What the content safeguards check at review. */
  contentSafeguards: {
    /** Domains a message's links may point to (a host matches a domain or its subdomains). */
    linkAllowList: string[];
  };
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
