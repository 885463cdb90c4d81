import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { StoredActor, StoredSubject } from '../../audit/audit-event.js';

export class PhoneRequestDto {
  @ApiProperty({ example: '07700 900123', description: 'UK numbers may be written nationally' })
  @IsString()
  @MaxLength(40)
  phone: string;
}

export class SubscriberSection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending', 'active', 'unsubscribed'] }) status: string;
  @ApiProperty({ type: [String] }) areas: string[];
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ nullable: true, type: String }) privacyNoticeVersion: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) subscribedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  unsubscribedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastInboundAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ConsentSection {
  @ApiProperty({ enum: ['opt_in', 'confirm', 'change', 'opt_out', 'import'] }) action: string;
  @ApiProperty() source: string;
  @ApiProperty({ nullable: true, type: String }) privacyNoticeVersion: string | null;
  @ApiProperty() evidence: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) capturedAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ReceiptSection {
  @ApiProperty({ enum: ['sent', 'delivered', 'read', 'failed'] }) status: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ nullable: true, type: String }) errorCode: string | null;
  @ApiProperty({ nullable: true, type: String }) errorTitle: string | null;
}

export class DeliverySection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['alert', 'test', 'reply'] }) purpose: string;
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) messageId: string | null;
  @ApiProperty({ nullable: true, type: Number }) messageVersion: number | null;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deliveredAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) failedAt: string | null;
  @ApiProperty({ nullable: true, description: '{class, code, reason}' })
  failure: { class: string | null; code: string; reason: string | null } | null;
  @ApiProperty({ type: [ReceiptSection] }) receipts: ReceiptSection[];
}

export class InboundSection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty({ enum: ['text', 'button_reply', 'list_reply', 'quick_reply', 'other'] })
  kind: string;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ nullable: true, type: String }) replyId: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ nullable: true, type: String }) handledBy: string | null;
}

export class SuppressionSection {
  @ApiProperty({ enum: ['stop', 'provider_stopped', 'blocked', 'erased'] }) reason: string;
  @ApiProperty({ format: 'date-time' }) since: string;
}

export class ResidentAuditEventSection {
  @ApiProperty() seq: number;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'staff appear only as their pseudonymous reference' })
  actor: StoredActor;
  @ApiProperty() subject: StoredSubject;
  @ApiProperty() data: Record<string, unknown>;
}

export class PendingOptInSection {
  @ApiProperty() area: string;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty() privacyNoticeVersion: string;
  @ApiProperty({ enum: ['en', 'cy'], description: 'the language the resident asked in' })
  language: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class JoinConversationSection {
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty({
    enum: ['area', 'topics', 'confirm'],
    description: 'the question awaiting an answer',
  })
  step: string;
  @ApiProperty({ enum: ['en', 'cy'], description: 'the language its replies are in' })
  language: string;
  @ApiProperty({ nullable: true, type: String }) area: string | null;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ type: [String], description: "the wamids of the resident's messages so far" })
  messageIds: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', description: 'when it is forgotten if left unanswered' })
  expiresAt: string;
}

export class PollAnswerSection {
  @ApiProperty({ format: 'uuid', description: 'the message that carried the poll' })
  messageId: string;
  @ApiProperty({ nullable: true, type: String, description: 'the option chosen, as worded' })
  option: string | null;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty({ description: "the wamid of the resident's tap" }) providerMessageId: string;
}

export class SubjectAccessView {
  @ApiProperty({ example: '+44 •••••••123', description: 'the number asked about, masked' })
  phone: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: SubscriberSection, nullable: true }) subscriber: SubscriberSection | null;
  @ApiProperty({ type: [ConsentSection] }) consentRecords: ConsentSection[];
  @ApiProperty({ type: [DeliverySection], description: 'alerts, tests and replies sent to it' })
  deliveries: DeliverySection[];
  @ApiProperty({ type: [InboundSection], description: 'its messages Crier still holds' })
  inboundMessages: InboundSection[];
  @ApiProperty({ type: SuppressionSection, nullable: true })
  suppression: SuppressionSection | null;
  @ApiProperty({ type: [PendingOptInSection], description: 'web opt-ins not yet confirmed' })
  pendingOptIns: PendingOptInSection[];
  @ApiProperty({
    type: JoinConversationSection,
    nullable: true,
    description: 'a JOIN conversation on WhatsApp not yet confirmed',
  })
  joinConversation: JoinConversationSection | null;
  @ApiProperty({ type: [PollAnswerSection], description: 'its latest answer to each snap poll' })
  pollAnswers: PollAnswerSection[];
  @ApiProperty({ type: [ResidentAuditEventSection] }) auditEvents: ResidentAuditEventSection[];
}

export class ErasureView {
  @ApiProperty({ example: '+44 •••••••123' }) phone: string;
  @ApiProperty({ description: 'whether a subscriber record was deleted' })
  subscriberDeleted: boolean;
  @ApiProperty() consentRecordsDeleted: number;
  @ApiProperty() inboundMessagesDeleted: number;
  @ApiProperty({ description: 'inbox conversations with the staff replies in them' })
  inboxConversationsDeleted: number;
  @ApiProperty({ description: 'delivery rows kept for counts, the number removed from them' })
  deliveriesRedacted: number;
  @ApiProperty({ description: 'its snap poll answers (closed polls keep their final counts)' })
  pollAnswersDeleted: number;
  @ApiProperty({ description: 'web opt-ins and JOIN conversations not yet confirmed' })
  pendingOptInsDeleted: number;
  @ApiProperty({ description: 'the number stays suppressed until it opts in afresh' })
  suppressed: boolean;
}
