import express, { type Request, type Response, Router } from 'express';
import { tokenMatches, tokenOf } from './access-token.js';
import { GraphError } from './graph-error.js';
import { injectedLatency, sendMessage } from './send-message.js';
import type { SimulatorState } from './simulator-state.js';

function answerError(response: Response, error: GraphError): void {
  response.status(error.httpStatus).json(error.toBody());
}

/** Parses JSON ourselves so a malformed body gets Meta's error envelope, not Express's page. */
function parseJson(raw: unknown): unknown {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphError(100, 'Invalid parameter: the request body is not valid JSON.');
  }
}

/** The Cloud API's send endpoint: POST /{version}/{phone-number-id}/messages. */
export function graphRoutes(state: SimulatorState): Router {
  const router = Router();
  router.post(
    '/:version/:phoneNumberId/messages',
    express.raw({ type: () => true, limit: '1mb' }),
    async (request: Request<{ version: string; phoneNumberId: string }>, response: Response) => {
      try {
        await injectedLatency(state);
        if (state.faults.outage) {
          throw new GraphError(2, 'The service is temporarily unavailable (simulated outage).');
        }
        if (!/^v\d+\.\d+$/.test(request.params.version)) {
          throw new GraphError(100, `Unknown API version ${request.params.version}.`);
        }
        if (!tokenMatches(tokenOf(request), state.config.accessToken)) {
          throw new GraphError(190, 'Invalid OAuth 2.0 Access Token');
        }
        const body = parseJson(request.body);
        response.json(sendMessage(state, request.params.phoneNumberId, body));
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        answerError(response, error);
      }
    },
  );
  return router;
}
