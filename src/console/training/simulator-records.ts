/**
 * The embedded simulator's JSON, read defensively: it is our own code, but it is read across an
 * HTTP boundary, so anything unexpected is skipped rather than trusted.
 */

/** A template's button as the handset shows it; a quick reply carries the payload a tap sends. */
export interface SimulatorButton {
  type: string;
  text: string;
  payload?: string;
}

/** One message the simulated handset received, as GET /_sim/messages lists it. */
export interface SimulatorMessage {
  id: string;
  /** The number as the sender wrote it. */
  to: string;
  phoneNumberId: string;
  type: string;
  payload: Record<string, unknown>;
  buttons: SimulatorButton[];
  /** ISO 8601. */
  at: string;
}

type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export const objects = (value: unknown): JsonObject[] =>
  Array.isArray(value) ? value.filter(isObject) : [];

function button(value: JsonObject): SimulatorButton | null {
  const type = text(value.type);
  const label = text(value.text);
  if (type === undefined || label === undefined) return null;
  const payload = text(value.payload);
  return { type, text: label, ...(payload === undefined ? {} : { payload }) };
}

function message(value: JsonObject): SimulatorMessage | null {
  const id = text(value.id);
  const to = text(value.to);
  const phoneNumberId = text(value.phoneNumberId);
  const type = text(value.type);
  const at = text(value.at);
  if (!id || !to || !phoneNumberId || !type || !at || !isObject(value.payload)) return null;
  const buttons = objects(value.buttons)
    .map(button)
    .filter((b) => b !== null);
  return { id, to, phoneNumberId, type, payload: value.payload, buttons, at };
}

/** The `items` of a GET /_sim/messages answer; malformed items are left out. */
export function parseSimulatorMessages(body: unknown): SimulatorMessage[] {
  if (!isObject(body)) return [];
  return objects(body.items)
    .map(message)
    .filter((m) => m !== null);
}

/** The problems in a 400 from the simulator (`{ error: { message, problems } }`). */
export function simulatorProblems(body: unknown): string[] {
  const error = isObject(body) ? body.error : undefined;
  if (!isObject(error)) return [];
  const problems = Array.isArray(error.problems)
    ? error.problems.filter((p): p is string => typeof p === 'string')
    : [];
  if (problems.length > 0) return problems;
  const single = text(error.message);
  return single ? [single] : [];
}

/** The wamid in a POST /_sim/inbound answer (`{ "id" }`). */
export function inboundId(body: unknown): string | null {
  return (isObject(body) && text(body.id)) || null;
}
