import express, { type ErrorRequestHandler, type Express } from 'express';
import type { ErrorBody } from '../errors/error-status.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

const BODY_ERRORS: Record<string, Omit<ErrorBody, 'statusCode'> & { statusCode: number }> = {
  'entity.parse.failed': {
    statusCode: 400,
    code: 'MALFORMED_JSON',
    message: 'The request body is not valid JSON.',
  },
  'entity.too.large': {
    statusCode: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than Crier accepts.',
  },
  'encoding.unsupported': {
    statusCode: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'The request body uses an encoding Crier does not accept.',
  },
  'charset.unsupported': {
    statusCode: 415,
    code: 'UNSUPPORTED_CHARSET',
    message: 'The request body uses a character set Crier does not accept.',
  },
};

/**
 * Body parsing happens in Express middleware, before Nest's exception filters can see the error,
 * so its failures are turned into the contract's error body here.
 */
const bodyErrorHandler: ErrorRequestHandler = (err: BodyParserError, _req, res, next) => {
  const known = err.type ? BODY_ERRORS[err.type] : undefined;
  if (!known) {
    next(err);
    return;
  }
  res.status(known.statusCode).json(known);
};

export function installJsonBodyParsing(app: Express, limitBytes: number): void {
  // The raw body is kept for routes that verify signatures over the exact bytes (webhooks).
  app.use(
    express.json({
      limit: limitBytes,
      verify: (req, _res, buf) => {
        (req as { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );
  app.use(bodyErrorHandler);
}
