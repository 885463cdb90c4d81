import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { controlRoutes } from './control-routes.js';
import { GraphError } from './graph-error.js';
import { graphRoutes } from './graph-routes.js';
import type { SimulatorState } from './simulator-state.js';

/** The simulator's HTTP surface: Meta's send endpoint plus the /_sim control routes. */
export function createSimulatorApp(state: SimulatorState): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/_sim', controlRoutes(state));
  app.use(graphRoutes(state));
  // Graph answers unknown paths with its error envelope too, not an HTML page.
  app.use((_request: Request, response: Response) => {
    const error = new GraphError(100, 'Unsupported request: unknown path or method.');
    response.status(400).json(error.toBody());
  });
  // Body too large or unreadable: still Meta's envelope, never a stack trace.
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const status =
      typeof error === 'object' && error !== null && 'status' in error && error.status === 413
        ? 413
        : 500;
    const graphError = new GraphError(
      status === 413 ? 100 : 131000,
      'The request could not be read.',
    );
    response.status(status).json(graphError.toBody());
  });
  return app;
}
