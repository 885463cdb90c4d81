import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { MessageContent } from '../domain/message-content.js';
import { checkMessageContent } from './check-content.js';
import type { ContentFinding, SafeguardOptions } from './content-finding.js';

/**
 * The content safeguards under this council's settings (CONTENT_LINK_ALLOWLIST), so the message
 * view, the approval and the console's compose page judge a message alike.
 */
@Injectable()
export class ContentSafeguards {
  private readonly options: SafeguardOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = { linkAllowList: [...config.contentSafeguards.linkAllowList] };
  }

  findingsOf(content: MessageContent): ContentFinding[] {
    return checkMessageContent(content, this.options);
  }
}
