import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../config/load-config.js';
import { GraphError } from './graph-error.js';
import { isObject, type TemplateRequest } from './validate-message.js';

const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'] as const;
/** Meta's limits for a template's buttons. */
const MAX_BUTTONS = 10;
const MAX_BUTTON_TEXT = 25;

/** A button approved with the template. Only a quick reply sends anything back when tapped. */
export interface TemplateButton {
  type: (typeof BUTTON_TYPES)[number];
  text: string;
}

/** An approved message template. Its body's {{n}} placeholders fix how many parameters it takes. */
export interface Template {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  body: string;
  /** In order: a send's `button` component names one by its index here. */
  buttons?: TemplateButton[];
}

/** A button as the handset showed it; a quick reply with the payload a tap sends back. */
export interface ShownButton {
  type: TemplateButton['type'];
  text: string;
  payload?: string;
}

/** Crier's alert template, which every simulator starts with (see docs/api-contract.md). */
export const AREA_ALERT: Template = {
  name: 'area_alert',
  language: 'en_GB',
  category: 'UTILITY',
  body: '{{1}}',
};

/** Asks a resident to confirm a web opt-in with a tap (Crier's WHATSAPP_OPT_IN_TEMPLATE). */
export const SUBSCRIPTION_CONFIRMATION: Template = {
  name: 'subscription_confirmation',
  language: 'en_GB',
  category: 'UTILITY',
  body: '{{1}}',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Confirm' },
    { type: 'QUICK_REPLY', text: 'Not me' },
  ],
};

/**
 * The same template approved in Welsh, for a web opt-in made on the Welsh page (or with
 * `language: "cy"`): Cadarnhau is Confirm, Nid fi is Not me, in the same order.
 */
export const SUBSCRIPTION_CONFIRMATION_CY: Template = {
  ...SUBSCRIPTION_CONFIRMATION,
  language: 'cy',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Cadarnhau' },
    { type: 'QUICK_REPLY', text: 'Nid fi' },
  ],
};

/** A consultation question residents answer with a tap: Crier's snap polls on a template. */
export const SNAP_POLL: Template = {
  name: 'snap_poll',
  language: 'en_GB',
  category: 'UTILITY',
  body: '{{1}}',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Yes' },
    { type: 'QUICK_REPLY', text: 'No' },
    { type: 'QUICK_REPLY', text: 'Not sure' },
  ],
};

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  AREA_ALERT,
  SUBSCRIPTION_CONFIRMATION,
  SUBSCRIPTION_CONFIRMATION_CY,
  SNAP_POLL,
];

export function parameterCount(template: Template): number {
  return new Set(template.body.match(/\{\{\d+\}\}/g) ?? []).size;
}

/**
 * Throws 132001 for an unknown name or language, 132000 for the wrong number of parameters,
 * 132012 for a `button` component whose index is not a button of that type on the template.
 */
export function checkTemplate(templates: readonly Template[], request: TemplateRequest): Template {
  const template = templates.find(
    (t) => t.name === request.name && t.language === request.languageCode,
  );
  if (!template) {
    throw new GraphError(
      132001,
      `template name (${request.name}) does not exist in ${request.languageCode}`,
    );
  }
  const expected = parameterCount(template);
  if (request.bodyParameterCount !== expected) {
    throw new GraphError(
      132000,
      `body: number of localizable_params (${request.bodyParameterCount}) does not match the expected number of params (${expected})`,
    );
  }
  for (const { index, subType } of request.buttons) {
    const declared = template.buttons?.[index]?.type ?? 'NONE';
    if (declared !== subType.toUpperCase()) {
      throw new GraphError(
        132012,
        `button at index ${index}: Format mismatch, expected ${declared}, received ${subType.toUpperCase()}`,
      );
    }
  }
  return template;
}

/**
 * The template's buttons as they reach the handset. A quick reply sent without a payload
 * returns its label when tapped, as on Meta's.
 */
export function shownButtons(template: Template, request: TemplateRequest): ShownButton[] {
  return (template.buttons ?? []).map(({ type, text }, index) => {
    if (type !== 'QUICK_REPLY') return { type, text };
    const payload = request.buttons.find((b) => b.index === index)?.payload ?? text;
    return { type, text, payload };
  });
}

const CATEGORIES = new Set(['MARKETING', 'UTILITY', 'AUTHENTICATION']);

function parseTemplate(entry: unknown, index: number, problems: string[]): Template | null {
  const where = `SIM_TEMPLATES[${index}]`;
  if (!isObject(entry)) {
    problems.push(`${where} must be an object`);
    return null;
  }
  const { name, language, category = 'UTILITY', body } = entry;
  const before = problems.length;
  if (typeof name !== 'string' || !/^[a-z0-9_]+$/.test(name)) {
    problems.push(`${where}.name must be lower-case letters, digits and underscores`);
  }
  if (typeof language !== 'string' || language === '') {
    problems.push(`${where}.language must be a language code such as en_GB`);
  }
  if (typeof category !== 'string' || !CATEGORIES.has(category)) {
    problems.push(`${where}.category must be MARKETING, UTILITY or AUTHENTICATION`);
  }
  if (typeof body !== 'string' || body === '') problems.push(`${where}.body must be text`);
  if (entry.buttons !== undefined) parseButtons(entry.buttons, `${where}.buttons`, problems);
  return problems.length === before ? (entry as unknown as Template) : null;
}

function parseButtons(buttons: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > MAX_BUTTONS) {
    problems.push(`${where} must be an array of 1 to ${MAX_BUTTONS} buttons`);
    return;
  }
  buttons.forEach((button: unknown, index) => {
    const at = `${where}[${index}]`;
    const { type, text } = isObject(button) ? button : {};
    if (!BUTTON_TYPES.includes(type as TemplateButton['type'])) {
      problems.push(`${at}.type must be ${BUTTON_TYPES.join(', ')}`);
    }
    if (typeof text !== 'string' || text === '' || text.length > MAX_BUTTON_TEXT) {
      problems.push(`${at}.text must be text of at most ${MAX_BUTTON_TEXT} characters`);
    }
  });
}

/**
 * Reads extra templates: a JSON array of `{ "name", "language", "category"?, "body", "buttons"? }`,
 * `buttons` being `[{ "type": "QUICK_REPLY" | "URL" | "PHONE_NUMBER", "text" }]`.
 * Every problem in the file is reported together.
 */
export async function loadTemplatesFile(path: string): Promise<Template[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError([`SIM_TEMPLATES cannot be read as JSON: ${String(error)}`]);
  }
  if (!Array.isArray(parsed))
    throw new ConfigurationError(['SIM_TEMPLATES must hold a JSON array']);
  const problems: string[] = [];
  const templates = parsed.map((entry: unknown, index) => parseTemplate(entry, index, problems));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return templates.filter((t): t is Template => t !== null);
}
