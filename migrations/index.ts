import type { MigrationInterface } from 'typeorm';
import { Initial1795312951858 } from './1795312951858-Initial.js';
import { AuditAppRole1795316400000 } from './1795316400000-AuditAppRole.js';
import { WhatsAppDelivery1795400000000 } from './1795400000000-WhatsAppDelivery.js';
import { Residents1795500000000 } from './1795500000000-Residents.js';
import { FanoutRecipients1795600000000 } from './1795600000000-FanoutRecipients.js';
import { Postcodes1795700000000 } from './1795700000000-Postcodes.js';
import { Retention1795800000000 } from './1795800000000-Retention.js';
import { Reconciliations1796000000000 } from './1796000000000-Reconciliations.js';
import { SubscriptionRequests1795900000000 } from './1795900000000-SubscriptionRequests.js';
import { JoinConversations1796100000000 } from './1796100000000-JoinConversations.js';
import { RateLimits1796300000000 } from './1796300000000-RateLimits.js';
import { ConsoleSessions1796200000000 } from './1796200000000-ConsoleSessions.js';
import { Inbox1796500000000 } from './1796500000000-Inbox.js';
import { EmergencyReviews1796600000000 } from './1796600000000-EmergencyReviews.js';
import { InboxTemplateReplies1796700000000 } from './1796700000000-InboxTemplateReplies.js';
import { Polls1796800000000 } from './1796800000000-Polls.js';
import { JoinLanguage1796900000000 } from './1796900000000-JoinLanguage.js';
import { OptInLanguage1797000000000 } from './1797000000000-OptInLanguage.js';

/** Every migration in order. The schema changes only through these. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Initial1795312951858,
  AuditAppRole1795316400000,
  WhatsAppDelivery1795400000000,
  Residents1795500000000,
  FanoutRecipients1795600000000,
  Postcodes1795700000000,
  Retention1795800000000,
  SubscriptionRequests1795900000000,
  Reconciliations1796000000000,
  JoinConversations1796100000000,
  ConsoleSessions1796200000000,
  RateLimits1796300000000,
  Inbox1796500000000,
  EmergencyReviews1796600000000,
  InboxTemplateReplies1796700000000,
  Polls1796800000000,
  JoinLanguage1796900000000,
  OptInLanguage1797000000000,
];
