import type { Priority } from './message-status.js';
import type { PollDefinition } from './poll-definition.js';

/** What residents receive. Either kind may carry a snap poll, whose options they tap. */
export type MessageContent =
  | {
      kind: 'template';
      templateName: string;
      language: string;
      parameters: string[];
      poll?: PollDefinition;
    }
  | { kind: 'text'; body: string; poll?: PollDefinition };

export interface Audience {
  areas: string[];
  topics: string[];
}

/** Everything an approver signs off: any change to one of these voids earlier approvals. */
export interface ApprovableContent {
  channelId: string;
  content: MessageContent;
  audience: Audience;
  priority: Priority;
  /** ISO 8601 in UTC, or null for "as soon as approved". */
  sendAt: string | null;
  emergencyReason: string | null;
}
