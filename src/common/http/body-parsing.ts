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

/** The contract's error body for a body parser's failure, or undefined for any other error. */
export function bodyErrorFor(err: unknown): ErrorBody | undefined {
  const type = (err as BodyParserError | undefined)?.type;
  return type ? BODY_ERRORS[type] : undefined;
}

/**
 * Body parsing happens in Express middleware, before Nest's exception filters can see the error,
 * so its failures are turned into the contract's error body here.
 */
const bodyErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const known = bodyErrorFor(err);
  if (!known) {
    next(err);
    return;
  }
  res.status(known.statusCode).json(known);
};

/** Meta's callbacks can be up to 3 MB. */
const WEBHOOK_LIMIT_BYTES = 3 * 1024 * 1024;
/** A subscriber import of 10,000 entries is about 2 MB of JSON. */
const SUBSCRIBER_IMPORT_LIMIT_BYTES = 4 * 1024 * 1024;
/** A reconciliation's master list of 100,000 numbers is about 2 MB of JSON. */
const RECONCILIATION_LIMIT_BYTES = 4 * 1024 * 1024;
/** A postcode mapping is CSV: a large council's 100,000 postcodes with a few columns. */
const POSTCODE_IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

export function installJsonBodyParsing(app: Express, limitBytes: number): void {
  // Webhooks are checked against a signature over their exact bytes, whatever the content type
  // says, so they are read raw (and the JSON parser below leaves them alone).
  app.use('/webhooks', express.raw({ type: () => true, limit: WEBHOOK_LIMIT_BYTES }));
  // The routes that take a list; the general limit below then leaves their parsed body alone.
  app.use(
    '/api/v1/subscribers/import',
    express.json({ limit: Math.max(limitBytes, SUBSCRIBER_IMPORT_LIMIT_BYTES) }),
  );
  app.use(
    '/api/v1/subscribers/reconciliations',
    express.json({ limit: Math.max(limitBytes, RECONCILIATION_LIMIT_BYTES) }),
  );
  // The one route that takes CSV, read as text (UTF-8 unless the charset says otherwise).
  app.use(
    '/api/v1/postcodes/import',
    express.text({ type: ['text/csv', 'text/plain'], limit: POSTCODE_IMPORT_LIMIT_BYTES }),
  );
  app.use(express.json({ limit: limitBytes }));
  app.use(bodyErrorHandler);
}
