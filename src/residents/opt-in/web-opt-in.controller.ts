import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../auth/access.decorators.js';
import {
  SubscriptionRequestAcceptedView,
  SubscriptionRequestDto,
} from './subscription-request.dto.js';
import { WebOptInService } from './web-opt-in.service.js';

@ApiTags('residents')
@Controller('api/v1/public/subscriptions')
export class WebOptInController {
  constructor(private readonly optIn: WebOptInService) {}

  @Post()
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Ask to get alerts for a postcode and topics; confirmed with a reply on WhatsApp',
    description:
      'Rate limited per client and per number (429 RATE_LIMITED). The answer is the same whether or not the number is subscribed already; nothing is subscribed until the resident replies YES to the WhatsApp message within 48 hours. That message, and the replies after it, are in `language` (English unless `cy`, Welsh).',
  })
  @ApiAcceptedResponse({ type: SubscriptionRequestAcceptedView })
  request(
    @Req() request: Request,
    @Body() body: SubscriptionRequestDto,
  ): Promise<SubscriptionRequestAcceptedView> {
    return this.optIn.request(body, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }
}
