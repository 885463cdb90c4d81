import express, { type Request, type Response, Router } from 'express';
import { parseFaults } from './faults.js';
import { receiveInbound } from './inbound.js';
import { parseInbound } from './inbound-request.js';
import { waIdFor } from './phone-number.js';
import type { SimulatorState } from './simulator-state.js';

function badRequest(response: Response, problems: string[]): void {
  response.status(400).json({ error: { message: problems.join('; '), problems } });
}

/** The simulator's own routes, for tests and training: not part of Meta's API. */
export function controlRoutes(state: SimulatorState): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/messages', (request: Request, response: Response) => {
    const to = request.query.to;
    if (to !== undefined && (typeof to !== 'string' || waIdFor(to) === null)) {
      badRequest(response, ['to must be a phone number']);
      return;
    }
    const items = state.messages
      .list(typeof to === 'string' ? waIdFor(to) : null)
      .map(({ id, to: input, phoneNumberId, type, payload, buttons, at }) => ({
        id,
        to: input,
        phoneNumberId,
        type,
        payload,
        // What the handset can tap on a template: its labels, and the payloads a tap returns.
        ...(type === 'template' ? { buttons } : {}),
        at,
      }));
    response.json({ items });
  });

  router.post('/inbound', (request: Request, response: Response) => {
    const parsed = parseInbound(request.body);
    if ('problems' in parsed) {
      badRequest(response, parsed.problems);
      return;
    }
    const received = receiveInbound(state, parsed.inbound);
    if ('problems' in received) {
      badRequest(response, received.problems);
      return;
    }
    response.json(received);
  });

  router.post('/reset', async (_request: Request, response: Response) => {
    await state.reset();
    response.json({ reset: true });
  });

  router.get('/faults', (_request: Request, response: Response) => {
    response.json(state.faults);
  });

  router.post('/faults', (request: Request, response: Response) => {
    const parsed = parseFaults(request.body ?? {}, state.webhookRates);
    if ('problems' in parsed) {
      badRequest(response, parsed.problems);
      return;
    }
    state.faults = parsed.faults;
    response.json(state.faults);
  });
  return router;
}
