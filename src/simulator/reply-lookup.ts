import type { LoggedMessage } from './message-log.js';
import type { ShownButton } from './templates.js';
import { isObject, type JsonObject } from './validate-message.js';

/**
 * What a resident tapped, found in the interactive message they answered, so a reply webhook
 * carries the title the handset showed, as Meta's does. An unknown message or id falls back to
 * the id itself: a test may answer a message the simulator never sent.
 */
function interactiveAction(message: LoggedMessage | undefined): JsonObject {
  const action = message?.type === 'interactive' ? message.payload.action : undefined;
  return isObject(action) ? action : {};
}

const objects = (value: unknown): JsonObject[] =>
  Array.isArray(value) ? value.filter((item) => isObject(item)) : [];

export function buttonTitle(message: LoggedMessage | undefined, buttonId: string): string {
  for (const button of objects(interactiveAction(message).buttons)) {
    const reply = isObject(button.reply) ? button.reply : {};
    if (reply.id === buttonId && typeof reply.title === 'string') return reply.title;
  }
  return buttonId;
}

export interface ListRow {
  title: string;
  description: string | null;
}

export function listRow(message: LoggedMessage | undefined, rowId: string): ListRow {
  for (const section of objects(interactiveAction(message).sections)) {
    for (const row of objects(section.rows)) {
      if (row.id === rowId && typeof row.title === 'string') {
        const description = typeof row.description === 'string' ? row.description : null;
        return { title: row.title, description };
      }
    }
  }
  return { title: rowId, description: null };
}

/** The quick replies a template message showed, each with the payload a tap returns. */
export function quickReplies(
  message: LoggedMessage | undefined,
): (ShownButton & { payload: string })[] {
  return (message?.buttons ?? []).filter(
    (b): b is ShownButton & { payload: string } => b.payload !== undefined,
  );
}
