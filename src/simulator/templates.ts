import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../config/load-config.js';
import { GraphError } from './graph-error.js';
import { isObject, type TemplateRequest } from './validate-message.js';

/** An approved message template. Its body's {{n}} placeholders fix how many parameters it takes. */
export interface Template {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  body: string;
}

/** The one template every simulator starts with (see docs/api-contract.md). */
export const AREA_ALERT: Template = {
  name: 'area_alert',
  language: 'en_GB',
  category: 'UTILITY',
  body: '{{1}}',
};

export function parameterCount(template: Template): number {
  return new Set(template.body.match(/\{\{\d+\}\}/g) ?? []).size;
}

/** Throws 132001 for an unknown name or language, 132000 for the wrong number of parameters. */
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
  return template;
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
  return problems.length === before ? (entry as unknown as Template) : null;
}

/**
 * Reads extra templates: a JSON array of `{ "name", "language", "category"?, "body" }`.
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
