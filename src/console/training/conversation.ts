import { isObject, objects, type SimulatorMessage, text } from './simulator-records.js';

/** What a trainee did on a handset, as posted to the simulator's /_sim/inbound. */
export type HandsetAction =
  | { kind: 'text'; text: string }
  | { kind: 'button_reply'; id: string; context: string }
  | { kind: 'quick_reply'; payload: string; text?: string; context: string }
  | { kind: 'list_reply'; id: string; context: string };

export type TapKind = Exclude<HandsetAction['kind'], 'text'>;

/** Something the simulated resident sent from the training handset. */
export interface SentRecord {
  id: string;
  phoneNumberId: string;
  /** ISO 8601. */
  at: string;
  action: HandsetAction;
}

/** An approved template's wording: its body's {{n}} are filled with the send's parameters. */
export interface TemplateWording {
  name: string;
  language: string;
  body: string;
}

export interface ReplyOption {
  id: string;
  title: string;
  description?: string;
}

/** What a resident can do with a received message: tap one button, quick reply or list row. */
export interface ReplyChoices {
  kind: TapKind;
  /** A list's button ("Areas"): the handset opens the list with it. */
  listButton?: string;
  sections: { title?: string; options: ReplyOption[] }[];
}

export interface ReceivedItem {
  direction: 'received';
  id: string;
  at: string;
  /** "Message", "Template area_alert", "Buttons", "List". */
  label: string;
  header?: string;
  body: string;
  footer?: string;
  choices: ReplyChoices | null;
  /** Template buttons that open a link or call a number: shown, not tappable here. */
  otherButtons: string[];
}

export interface SentItem {
  direction: 'sent';
  id: string;
  at: string;
  /** A tap on a button or list row (its title), or typed text. */
  tapped: boolean;
  body: string;
}

export type ConversationItem = ReceivedItem | SentItem;

function templateText(template: Record<string, unknown>, wordings: readonly TemplateWording[]) {
  const name = text(template.name) ?? 'unknown';
  const language = isObject(template.language) ? text(template.language.code) : undefined;
  const parameters = objects(template.components)
    .filter((c) => c.type === 'body')
    .flatMap((c) => objects(c.parameters))
    .map((p) => text(p.text) ?? '');
  const wording = wordings.find((w) => w.name === name && w.language === language);
  const body = wording
    ? wording.body.replace(/\{\{(\d+)\}\}/g, (all, n: string) => parameters[Number(n) - 1] ?? all)
    : parameters.join('\n');
  return { name, body };
}

/**
 * The simulator lists a message's payload as its type's object (`{ "body" }` for text); a whole
 * send body (`{ "text": { "body" } }`) is read too.
 */
const unwrapped = (payload: Record<string, unknown>, type: string): Record<string, unknown> => {
  const inner = payload[type];
  return isObject(inner) ? inner : payload;
};

function received(message: SimulatorMessage, wordings: readonly TemplateWording[]): ReceivedItem {
  const base = { direction: 'received' as const, id: message.id, at: message.at };
  const { payload } = message;
  if (message.type === 'template') {
    const { name, body } = templateText(unwrapped(payload, 'template'), wordings);
    const quickReplies = message.buttons
      .filter((b) => b.type === 'QUICK_REPLY')
      // A quick reply sent without a payload gives back its label when tapped.
      .map((b) => ({ id: b.payload ?? b.text, title: b.text }));
    return {
      ...base,
      label: `Template ${name}`,
      body,
      choices:
        quickReplies.length > 0
          ? { kind: 'quick_reply', sections: [{ options: quickReplies }] }
          : null,
      otherButtons: message.buttons.filter((b) => b.type !== 'QUICK_REPLY').map((b) => b.text),
    };
  }
  if (message.type === 'interactive') {
    const interactive = unwrapped(payload, 'interactive');
    const action = isObject(interactive.action) ? interactive.action : {};
    const header = isObject(interactive.header) ? text(interactive.header.text) : undefined;
    const footer = isObject(interactive.footer) ? text(interactive.footer.text) : undefined;
    const body = (isObject(interactive.body) ? text(interactive.body.text) : undefined) ?? '';
    const common = { ...base, body, otherButtons: [], ...(header ? { header } : {}) };
    const withFooter = footer ? { footer } : {};
    if (interactive.type === 'list') {
      const sections = objects(action.sections).map((section) => {
        const title = text(section.title);
        const options = objects(section.rows).flatMap((row) => {
          const id = text(row.id);
          if (!id) return [];
          const description = text(row.description);
          return [{ id, title: text(row.title) ?? id, ...(description ? { description } : {}) }];
        });
        return { ...(title ? { title } : {}), options };
      });
      const listButton = text(action.button);
      return {
        ...common,
        ...withFooter,
        label: 'List',
        choices: { kind: 'list_reply', ...(listButton ? { listButton } : {}), sections },
      };
    }
    const buttons = objects(action.buttons).flatMap((b) => {
      const reply = isObject(b.reply) ? b.reply : {};
      const id = text(reply.id);
      return id ? [{ id, title: text(reply.title) ?? id }] : [];
    });
    return {
      ...common,
      ...withFooter,
      label: 'Buttons',
      choices: { kind: 'button_reply', sections: [{ options: buttons }] },
    };
  }
  const body = text(unwrapped(payload, 'text').body);
  return {
    ...base,
    label: 'Message',
    body: body ?? `A ${message.type} message`,
    choices: null,
    otherButtons: [],
  };
}

function sentBody(action: HandsetAction, answered: Map<string, ReceivedItem>): string {
  if (action.kind === 'text') return action.text;
  const tapped = action.kind === 'quick_reply' ? action.payload : action.id;
  const option = answered
    .get(action.context)
    ?.choices?.sections.flatMap((s) => s.options)
    .find((o) => o.id === tapped);
  if (action.kind === 'quick_reply') return action.text ?? option?.title ?? tapped;
  return option?.title ?? tapped;
}

/**
 * The conversation between a simulated resident and one channel, oldest first: what the handset
 * received (from the simulator's record) and what the trainee sent from it. A resident's message
 * and the reply it prompts can share a timestamp; the resident's then comes first.
 */
export function buildConversation(
  messages: readonly SimulatorMessage[],
  sent: readonly SentRecord[],
  phoneNumberId: string,
  wordings: readonly TemplateWording[],
): ConversationItem[] {
  const receivedItems = messages
    .filter((m) => m.phoneNumberId === phoneNumberId)
    .map((m) => received(m, wordings));
  const byId = new Map(receivedItems.map((item) => [item.id, item]));
  const sentItems: SentItem[] = sent
    .filter((s) => s.phoneNumberId === phoneNumberId)
    .map((s) => ({
      direction: 'sent',
      id: s.id,
      at: s.at,
      tapped: s.action.kind !== 'text',
      body: sentBody(s.action, byId),
    }));
  const order = (item: ConversationItem) => (item.direction === 'sent' ? 0 : 1);
  return [...sentItems, ...receivedItems]
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        Date.parse(a.item.at) - Date.parse(b.item.at) ||
        order(a.item) - order(b.item) ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}

/** The option a tap names on a received message, if the message has it. */
export function findOption(
  item: ConversationItem | undefined,
  kind: TapKind,
  id: string,
): ReplyOption | undefined {
  if (item?.direction !== 'received' || item.choices?.kind !== kind) return undefined;
  return item.choices.sections.flatMap((s) => s.options).find((o) => o.id === id);
}
