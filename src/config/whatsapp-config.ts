import type { WhatsAppConfig } from './app-config.js';
import { ConfigurationError, type Environment } from './configuration-error.js';
import type { EnvironmentDto } from './environment.dto.js';
import { loadSimulatorConfig, type SimulatorConfig } from './simulator-config.js';

export const GRAPH_API_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v23.0';
/** The simulator's built-in template of that name has the Confirm and Not me quick replies. */
export const DEFAULT_OPT_IN_TEMPLATE = 'subscription_confirmation';
/** Stands in for the simulator's URL until it listens (its port may be chosen by the OS). */
const NOT_YET_LISTENING = 'http://127.0.0.1:0';

/** Shown with the embedded simulator so a demo shows costs; labelled an example. */
const EXAMPLE_PRICING = { currency: 'GBP', perMessage: 0.02, example: true };

function templatePricing(value: string | undefined) {
  if (value === undefined) return null;
  const [currency, price] = value.split(' ');
  return { currency, perMessage: Number(price), example: false };
}

function simulatorConfig(env: Environment, problems: string[]): SimulatorConfig | null {
  try {
    return loadSimulatorConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

/**
 * Any WhatsApp setting, or production, means the Cloud API (Meta's, or a simulator run as its
 * own process): then the token, app secret and verify token are required. With none of them,
 * outside production, Crier runs the simulator in-process with the simulator's own defaults.
 */
export function whatsAppConfig(
  dto: EnvironmentDto,
  env: Environment,
  production: boolean,
  problems: string[],
): WhatsAppConfig {
  const anySetting =
    dto.WHATSAPP_API_BASE_URL ??
    dto.WHATSAPP_ACCESS_TOKEN ??
    dto.WHATSAPP_APP_SECRET ??
    dto.WHATSAPP_VERIFY_TOKEN;
  const apiVersion = dto.WHATSAPP_API_VERSION ?? DEFAULT_GRAPH_API_VERSION;
  const sendTimeoutMs = dto.WHATSAPP_SEND_TIMEOUT_MS ?? 15_000;
  const limit = dto.WHATSAPP_MESSAGING_LIMIT ?? 'unlimited';
  const messagingLimit = limit === 'unlimited' ? null : Number(limit);
  const optInTemplate = dto.WHATSAPP_OPT_IN_TEMPLATE ?? DEFAULT_OPT_IN_TEMPLATE;
  const pricing = templatePricing(dto.WHATSAPP_TEMPLATE_PRICE);

  if (anySetting === undefined && !production) {
    const simulator = simulatorConfig(env, problems);
    return {
      mode: 'embedded-simulator',
      apiBaseUrl: NOT_YET_LISTENING,
      apiVersion,
      accessToken: simulator?.accessToken ?? '',
      appSecret: simulator?.appSecret ?? '',
      verifyToken: 'sim-verify-token',
      sendTimeoutMs,
      messagingLimit,
      optInTemplate,
      pricing: pricing ?? EXAMPLE_PRICING,
      embeddedSimulator: simulator,
    };
  }
  for (const name of [
    'WHATSAPP_ACCESS_TOKEN',
    'WHATSAPP_APP_SECRET',
    'WHATSAPP_VERIFY_TOKEN',
  ] as const) {
    if (!dto[name]) problems.push(`${name} is required when Crier sends through the Cloud API`);
  }
  return {
    mode: 'cloud-api',
    apiBaseUrl: (dto.WHATSAPP_API_BASE_URL ?? GRAPH_API_BASE_URL).replace(/\/+$/, ''),
    apiVersion,
    accessToken: dto.WHATSAPP_ACCESS_TOKEN ?? '',
    appSecret: dto.WHATSAPP_APP_SECRET ?? '',
    verifyToken: dto.WHATSAPP_VERIFY_TOKEN ?? '',
    sendTimeoutMs,
    messagingLimit,
    optInTemplate,
    pricing,
    embeddedSimulator: null,
  };
}
