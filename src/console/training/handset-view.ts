import type { ChannelView } from '../../channels/dto/channel.dto.js';
import type { E164 } from '../../phone-numbers/phone-number.js';
import { DEMO_RESIDENTS } from '../../demo/example-borough-council.js';
import { ukDayClockSeconds } from '../uk-dates.js';
import type { ConversationItem } from './conversation.js';
import type { SimulatorMessage } from './simulator-records.js';
import { handsetPath, maskedTrainingNumber, trainingNumber } from './training-number.js';

export interface HandsetView {
  masked: string;
  lastDigits: string;
  path: string;
  channel: { name: string; phoneNumberId: string; displayPhoneNumber: string };
  channelItems: { value: string; text: string; selected: boolean }[];
  items: (ConversationItem & { time: string })[];
}

export function handsetView(
  phone: E164,
  channel: ChannelView,
  channels: readonly ChannelView[],
  items: readonly ConversationItem[],
): HandsetView {
  return {
    masked: maskedTrainingNumber(phone),
    lastDigits: phone.slice(-3),
    path: handsetPath(phone),
    channel: { name: channel.name, ...channel.whatsapp },
    channelItems: channels.map((c) => ({
      value: c.whatsapp.phoneNumberId,
      text: `${c.name} (${c.whatsapp.phoneNumberId})`,
      selected: c.id === channel.id,
    })),
    items: items.map((item) => ({ ...item, time: ukDayClockSeconds(item.at) })),
  };
}

export interface TrainingResident {
  masked: string;
  path: string;
  demo: boolean;
  received: number;
  /** The channels it has heard from, by name (phone-number id). */
  channels: string[];
}

/**
 * The handsets worth opening: the demo council's residents, then any other drama number the
 * simulator has delivered to (someone who sent JOIN in an earlier session, say).
 */
export function trainingResidents(
  messages: readonly SimulatorMessage[],
  channels: readonly ChannelView[],
): TrainingResident[] {
  const byNumber = new Map<E164, SimulatorMessage[]>();
  for (const resident of DEMO_RESIDENTS) byNumber.set(resident.phone as E164, []);
  for (const message of messages) {
    const phone = trainingNumber(message.to);
    if (phone !== null) byNumber.set(phone, [...(byNumber.get(phone) ?? []), message]);
  }
  const demo = new Set<string>(DEMO_RESIDENTS.map((r) => r.phone));
  const channelName = (id: string) => {
    const channel = channels.find((c) => c.whatsapp.phoneNumberId === id);
    return channel ? `${channel.name} (${id})` : id;
  };
  return [...byNumber.entries()]
    .map(([phone, received]) => ({
      masked: maskedTrainingNumber(phone),
      path: handsetPath(phone),
      demo: demo.has(phone),
      received: received.length,
      channels: [...new Set(received.map((m) => m.phoneNumberId))].map(channelName),
    }))
    .sort((a, b) => Number(b.demo) - Number(a.demo) || a.path.localeCompare(b.path));
}
