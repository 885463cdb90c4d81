import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { AuditPseudonymEntity } from '../audit/pseudonyms/audit-pseudonym.entity.js';
import { AuditQueueEntity } from '../audit/sequencer/audit-queue.entity.js';
import { AreaEntity } from '../audience/area.entity.js';
import { TopicEntity } from '../audience/topic.entity.js';
import { ChannelEntity } from '../channels/channel.entity.js';
import { MessageEntity } from '../messages/entities/message.entity.js';
import { MessageReviewEntity } from '../messages/entities/message-review.entity.js';
import { MessageVersionEntity } from '../messages/entities/message-version.entity.js';
import { ServiceEntity } from '../organisation/service.entity.js';
import { StaffEntity } from '../organisation/staff.entity.js';

/** Every mapped table, listed once so the app and the migration CLI agree. */
export const ENTITIES = [
  AuditEventEntity,
  AuditPseudonymEntity,
  AuditQueueEntity,
  AreaEntity,
  TopicEntity,
  ChannelEntity,
  MessageEntity,
  MessageVersionEntity,
  MessageReviewEntity,
  ServiceEntity,
  StaffEntity,
];
