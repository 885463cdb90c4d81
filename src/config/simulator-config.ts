import { ConfigurationError, type Environment } from './configuration-error.js';

/** Everything the Cloud API simulator needs, read once from the environment. */
export interface SimulatorConfig {
  /** 0 asks the OS for a free port (tests). */
  port: number;
  /** Where signed webhooks go; null sends none (sends still succeed). */
  webhookUrl: string | null;
  /** Keys the X-Hub-Signature-256 HMAC, as Meta's App Secret does. */
  appSecret: string;
  /** The only bearer token the send endpoint accepts. */
  accessToken: string;
  /** Messages per second per phone-number-id before 130429 (Meta's default is 80). */
  throughputPerSecond: number;
  /** A JSON file of extra approved templates, added to the built-in `area_alert`. */
  templatesFile: string | null;
  /** Pause before each of the sent, delivered and read statuses. */
  statusDelayMs: number;
  /**
   * Share (0 to 1) of status webhooks delivered twice, as Meta sometimes does. Receivers must
   * deduplicate on (message id, status); a small default keeps every demo honest about it.
   */
  webhookDuplicateRate: number;
  /**
   * Share (0 to 1) of messages whose statuses arrive out of order (`read` before `delivered`,
   * `failed` before `sent`) or with no `delivered` at all (delivered and read at once).
   */
  webhookReorderRate: number;
  /** Webhook attempts per event before the simulator gives up (Meta keeps going for 7 days). */
  webhookMaxAttempts: number;
  /** First retry waits this long; each further retry doubles it. */
  webhookRetryBaseMs: number;
  /** More than `limit` messages to one user from one number within `windowMs` gets 131056. */
  pairRate: { limit: number; windowMs: number };
  /** Names the business account in webhook envelopes (`entry[].id`). */
  businessAccountId: string;
  /** `metadata.display_phone_number` in webhook envelopes. */
  displayPhoneNumber: string;
}

// Well-known development values: the simulator is a test double, so it should start with no setup.
const DEFAULT_ACCESS_TOKEN = 'sim-access-token';
const DEFAULT_APP_SECRET = 'sim-app-secret';

function present(env: Environment, name: string): string | undefined {
  const value = env[name];
  // Blank counts as unset, as in load-config: an empty .env line should not become configuration.
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(
  env: Environment,
  name: string,
  fallback: number,
  range: { min: number; max: number },
  problems: string[],
): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    problems.push(`${name} must be a whole number from ${range.min} to ${range.max}`);
    return fallback;
  }
  return value;
}

function fraction(env: Environment, name: string, fallback: number, problems: string[]): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value > 1) {
    problems.push(`${name} must be a number from 0 to 1`);
    return fallback;
  }
  return value;
}

function webhookUrl(env: Environment, problems: string[]): string | null {
  const raw = present(env, 'SIM_WEBHOOK_URL');
  if (raw === undefined) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // Reported below with the other problems.
  }
  problems.push('SIM_WEBHOOK_URL must be an http or https URL');
  return null;
}

/**
 * Reads the simulator's SIM_* variables. Every invalid variable is reported together in one
 * ConfigurationError, like loadConfig. The templates file is read later, by startSimulator.
 */
export function loadSimulatorConfig(env: Environment): SimulatorConfig {
  const problems: string[] = [];
  const config: SimulatorConfig = {
    port: integer(env, 'SIM_PORT', 4010, { min: 0, max: 65535 }, problems),
    webhookUrl: webhookUrl(env, problems),
    appSecret: present(env, 'SIM_APP_SECRET') ?? DEFAULT_APP_SECRET,
    accessToken: present(env, 'SIM_ACCESS_TOKEN') ?? DEFAULT_ACCESS_TOKEN,
    throughputPerSecond: integer(env, 'SIM_THROUGHPUT', 80, { min: 1, max: 100_000 }, problems),
    templatesFile: present(env, 'SIM_TEMPLATES') ?? null,
    statusDelayMs: integer(env, 'SIM_STATUS_DELAY_MS', 300, { min: 0, max: 600_000 }, problems),
    webhookDuplicateRate: fraction(env, 'SIM_WEBHOOK_DUPLICATE_RATE', 0.02, problems),
    webhookReorderRate: fraction(env, 'SIM_WEBHOOK_REORDER_RATE', 0.02, problems),
    webhookMaxAttempts: integer(env, 'SIM_WEBHOOK_MAX_ATTEMPTS', 5, { min: 1, max: 100 }, problems),
    webhookRetryBaseMs: integer(
      env,
      'SIM_WEBHOOK_RETRY_BASE_MS',
      500,
      { min: 0, max: 600_000 },
      problems,
    ),
    pairRate: { limit: 10, windowMs: 60_000 },
    businessAccountId: '102290129340398',
    displayPhoneNumber: '15550783881',
  };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}
