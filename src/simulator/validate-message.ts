import { GraphError } from './graph-error.js';
import { waIdFor } from './phone-number.js';

export type JsonObject = Record<string, unknown>;
export type OutgoingType = 'text' | 'template' | 'interactive';

/** A `button` component of a template send: what it gives the template's button at `index`. */
export interface ButtonComponent {
  index: number;
  /** `quick_reply`, `url`, ...: must match the type of the template's button at that index. */
  subType: string;
  /** A quick reply's `payload` parameter, returned when the resident taps it. */
  payload: string | null;
}

/** What a template send asks for; checked against the approved templates later. */
export interface TemplateRequest {
  name: string;
  languageCode: string;
  bodyParameterCount: number;
  buttons: ButtonComponent[];
}

/** A send request that is well formed; the business rules (templates, windows, limits) come next. */
export interface OutgoingMessage {
  to: string;
  waId: string;
  type: OutgoingType;
  /** The type's own object, e.g. `{ body }` for text: what reached the handset. */
  payload: JsonObject;
  template: TemplateRequest | null;
  /** `biz_opaque_callback_data`: the sender's own tag, echoed in this message's status webhooks. */
  callbackData: string | null;
}

/** Meta's limit on biz_opaque_callback_data. */
const CALLBACK_DATA_MAX = 512;

const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  listButton: 20,
} as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Meta's own wording for these three cases, so client logs look the same against both.
const missing = (param: string) => new GraphError(131008, `The parameter ${param} is required.`);
const invalid = (param: string, why: string) =>
  new GraphError(100, `Invalid parameter ${param}: ${why}.`);
const tooMany = (param: string, why: string) =>
  new GraphError(131009, `Parameter value is not valid: ${param} ${why}.`);

function requireString(container: JsonObject, key: string, param: string): string {
  const value = container[key];
  if (value === undefined || value === null || value === '') throw missing(param);
  if (typeof value !== 'string') throw invalid(param, 'must be a string');
  return value;
}

function requireObject(container: JsonObject, key: string, param: string): JsonObject {
  const value = container[key];
  if (value === undefined || value === null) throw missing(param);
  if (!isObject(value)) throw invalid(param, 'must be an object');
  return value;
}

function requireArray(container: JsonObject, key: string, param: string): unknown[] {
  const value = container[key];
  if (value === undefined || value === null) throw missing(param);
  if (!Array.isArray(value)) throw invalid(param, 'must be an array');
  return value;
}

function checkLength(text: string, max: number, param: string): void {
  if (text.length > max) throw tooMany(param, `must be at most ${max} characters long`);
}

function validateText(text: JsonObject): void {
  checkLength(requireString(text, 'body', "text['body']"), LIMITS.textBody, "text['body']");
}

/**
 * A `button` component: `{ type: 'button', sub_type, index, parameters }`. Meta documents `index`
 * as a string ("0" to "9") but takes a number too, which whatsapp-api-js sends.
 */
function buttonComponent(
  component: JsonObject,
  parameters: unknown[],
  param: string,
): ButtonComponent {
  const subType = requireString(component, 'sub_type', `${param}['sub_type']`);
  const given = component.index;
  if (given === undefined || given === null || given === '') throw missing(`${param}['index']`);
  const index = typeof given === 'string' && /^\d$/.test(given) ? Number(given) : given;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 9) {
    throw invalid(`${param}['index']`, 'must be a button index from 0 to 9');
  }
  let payload: string | null = null;
  if (subType === 'quick_reply') {
    const [parameter] = parameters as JsonObject[];
    if (parameters.length !== 1 || parameter.type !== 'payload') {
      throw invalid(
        `${param}['parameters']`,
        "a quick_reply takes one parameter of type 'payload'",
      );
    }
    payload = requireString(parameter, 'payload', `${param}['parameters'][0]['payload']`);
  }
  return { index, subType, payload };
}

function validateTemplate(template: JsonObject): TemplateRequest {
  const name = requireString(template, 'name', "template['name']");
  const language = requireObject(template, 'language', "template['language']");
  const languageCode = requireString(language, 'code', "template['language']['code']");
  const components = template.components ?? [];
  if (!Array.isArray(components)) throw invalid("template['components']", 'must be an array');
  let bodyParameterCount = 0;
  const buttons: ButtonComponent[] = [];
  components.forEach((component: unknown, index) => {
    const param = `template['components'][${index}]`;
    if (!isObject(component)) throw invalid(param, 'must be an object');
    const type = requireString(component, 'type', `${param}['type']`);
    const parameters = component.parameters ?? [];
    if (!Array.isArray(parameters)) throw invalid(`${param}['parameters']`, 'must be an array');
    parameters.forEach((parameter: unknown, p) => {
      const at = `${param}['parameters'][${p}]`;
      if (!isObject(parameter)) throw invalid(at, 'must be an object');
      if (requireString(parameter, 'type', `${at}['type']`) === 'text') {
        requireString(parameter, 'text', `${at}['text']`);
      }
    });
    if (type === 'body') bodyParameterCount += parameters.length;
    if (type === 'button') {
      const button = buttonComponent(component, parameters, param);
      if (buttons.some((b) => b.index === button.index)) {
        throw invalid(`${param}['index']`, `button ${button.index} is given twice`);
      }
      buttons.push(button);
    }
  });
  return { name, languageCode, bodyParameterCount, buttons };
}

function validateButtons(action: JsonObject): void {
  const buttons = requireArray(action, 'buttons', "interactive['action']['buttons']");
  if (buttons.length === 0 || buttons.length > LIMITS.buttons) {
    throw tooMany("interactive['action']['buttons']", `must have 1 to ${LIMITS.buttons} items`);
  }
  buttons.forEach((button: unknown, index) => {
    const param = `interactive['action']['buttons'][${index}]`;
    if (!isObject(button)) throw invalid(param, 'must be an object');
    const reply = requireObject(button, 'reply', `${param}['reply']`);
    requireString(reply, 'id', `${param}['reply']['id']`);
    const title = requireString(reply, 'title', `${param}['reply']['title']`);
    checkLength(title, LIMITS.buttonTitle, `${param}['reply']['title']`);
  });
}

function validateList(action: JsonObject): void {
  const label = requireString(action, 'button', "interactive['action']['button']");
  checkLength(label, LIMITS.listButton, "interactive['action']['button']");
  const sections = requireArray(action, 'sections', "interactive['action']['sections']");
  let rowCount = 0;
  sections.forEach((section: unknown, s) => {
    const param = `interactive['action']['sections'][${s}]`;
    if (!isObject(section)) throw invalid(param, 'must be an object');
    requireArray(section, 'rows', `${param}['rows']`).forEach((row: unknown, r) => {
      const at = `${param}['rows'][${r}]`;
      if (!isObject(row)) throw invalid(at, 'must be an object');
      requireString(row, 'id', `${at}['id']`);
      checkLength(requireString(row, 'title', `${at}['title']`), LIMITS.rowTitle, `${at}['title']`);
      rowCount += 1;
    });
  });
  // The row limit is for the whole list, not per section.
  if (rowCount === 0 || rowCount > LIMITS.listRows) {
    throw tooMany("interactive['action']['sections']", `must have 1 to ${LIMITS.listRows} rows`);
  }
}

function validateInteractive(interactive: JsonObject): void {
  const kind = requireString(interactive, 'type', "interactive['type']");
  const body = requireObject(interactive, 'body', "interactive['body']");
  const text = requireString(body, 'text', "interactive['body']['text']");
  checkLength(text, LIMITS.interactiveBody, "interactive['body']['text']");
  const action = requireObject(interactive, 'action', "interactive['action']");
  if (kind === 'button') validateButtons(action);
  else if (kind === 'list') validateList(action);
  else throw invalid("interactive['type']", 'must be one of {button, list}');
}

/** Checks a send request's shape as the Cloud API does, throwing the GraphError it would answer. */
export function validateMessage(body: unknown): OutgoingMessage {
  if (!isObject(body)) throw invalid('body', 'must be a JSON object');
  const product = requireString(body, 'messaging_product', 'messaging_product');
  if (product !== 'whatsapp') throw invalid('messaging_product', "must be 'whatsapp'");
  const recipientType = body.recipient_type ?? 'individual';
  if (recipientType !== 'individual') throw invalid('recipient_type', "must be 'individual'");
  const to = requireString(body, 'to', 'to');
  const waId = waIdFor(to);
  if (waId === null) throw invalid('to', 'must be a phone number');
  // Meta treats a missing type as text.
  const type = body.type ?? 'text';
  if (type !== 'text' && type !== 'template' && type !== 'interactive') {
    throw invalid('type', 'must be one of {text, template, interactive}');
  }
  const payload = requireObject(body, type, type);
  let template: TemplateRequest | null = null;
  if (type === 'text') validateText(payload);
  else if (type === 'template') template = validateTemplate(payload);
  else validateInteractive(payload);
  const callbackData = body.biz_opaque_callback_data ?? null;
  if (
    callbackData !== null &&
    (typeof callbackData !== 'string' || callbackData.length > CALLBACK_DATA_MAX)
  ) {
    throw invalid(
      'biz_opaque_callback_data',
      `must be a string of at most ${CALLBACK_DATA_MAX} characters`,
    );
  }
  return { to, waId, type, payload, template, callbackData };
}
