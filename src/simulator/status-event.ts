import { unixSeconds } from './clock.js';
import type { StatusError } from './status-error.js';
import type { StatusName } from './status-plan.js';
import type { JsonObject } from './validate-message.js';
import { envelope, type WebhookSource } from './webhook-envelope.js';

export interface StatusUpdate {
  id: string;
  status: StatusName;
  waId: string;
  at: number;
  template: boolean;
  /** Set exactly when `status` is `failed`. */
  error: StatusError | null;
  /** The biz_opaque_callback_data the message was sent with, echoed as Meta does. */
  callbackData?: string | null;
}

function pricing(template: boolean): JsonObject {
  // Templates outside a window are billed as utility; replies inside one are free service messages.
  return {
    billable: template,
    pricing_model: 'PMP',
    category: template ? 'utility' : 'service',
    type: template ? 'regular' : 'free_customer_service',
  };
}

/** A status webhook. A `failed` one carries `errors` and, as on Meta's, no pricing. */
export function statusEvent(source: WebhookSource, update: StatusUpdate): JsonObject {
  const common = {
    id: update.id,
    status: update.status,
    timestamp: unixSeconds(update.at),
    recipient_id: update.waId,
    ...(update.callbackData ? { biz_opaque_callback_data: update.callbackData } : {}),
  };
  const status =
    update.error === null
      ? { ...common, pricing: pricing(update.template) }
      : { ...common, errors: [update.error] };
  return envelope(source, { statuses: [status] });
}
