import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/access.decorators.js';
import { badInput, forbidden, unauthenticated } from '../../common/errors/crier-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { envelopeProblem } from './webhook-callbacks.js';
import { hasValidSignature } from './webhook-signature.js';
import { WebhookIntake } from './webhook-intake.service.js';

/** Meta's challenge is a number; anything else is not echoed back (it would be reflected text). */
const CHALLENGE = /^[A-Za-z0-9_-]{1,200}$/;

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Meta's callbacks for the WhatsApp Business Cloud API (signed; no staff sign-in). */
@ApiTags('whatsapp')
@Controller('webhooks/whatsapp')
export class WhatsAppWebhookController {
  constructor(
    private readonly intake: WebhookIntake,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The subscription handshake: echo the challenge when the verify token matches. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'The hub.challenge, as plain text' })
  verify(
    @Query('hub.mode') mode: unknown,
    @Query('hub.verify_token') token: unknown,
    @Query('hub.challenge') challenge: unknown,
    @Res() response: Response,
  ): void {
    const { verifyToken } = this.config.whatsapp;
    if (mode !== 'subscribe' || typeof token !== 'string' || !sameText(token, verifyToken)) {
      throw forbidden('WEBHOOK_VERIFY_TOKEN_MISMATCH', 'The verify token does not match.');
    }
    if (typeof challenge !== 'string' || !CHALLENGE.test(challenge)) {
      throw badInput('WEBHOOK_CHALLENGE_INVALID', 'hub.challenge must be a short token.');
    }
    response.status(200).type('text/plain').send(challenge);
  }

  /**
   * Checks the signature over the raw bytes, stores the callback durably and answers; the
   * effects follow moments later (see WebhookProcessor). Nothing is stored unless the signature
   * is right and the body is Meta's envelope.
   */
  @Post()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Stored; it will be processed' })
  async receive(
    @Req() request: Request,
    @Headers('x-hub-signature-256') signature: string | undefined,
  ): Promise<{ received: true }> {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!hasValidSignature(raw, signature, this.config.whatsapp.appSecret)) {
      throw unauthenticated(
        'WEBHOOK_SIGNATURE_INVALID',
        'X-Hub-Signature-256 is missing or does not match the body.',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw badInput('MALFORMED_JSON', 'The request body is not valid JSON.');
    }
    const problem = envelopeProblem(body);
    if (problem) throw badInput('WEBHOOK_PAYLOAD_INVALID', `Not a WhatsApp callback: ${problem}.`);
    await this.intake.record(raw);
    return { received: true };
  }
}
