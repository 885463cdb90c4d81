import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { CrierError } from './crier-error.js';
import { type ErrorBody, STATUS_BY_KIND } from './error-status.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/** Turns any thrown value into the contract's error body. Only the unexpected becomes a 500. */
export function toErrorBody(exception: unknown, logger: Logger): ErrorBody {
  if (exception instanceof CrierError) {
    return {
      statusCode: STATUS_BY_KIND[exception.kind],
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    return {
      statusCode,
      code: CODE_BY_STATUS[statusCode] ?? 'HTTP_ERROR',
      message: statusCode === 404 ? 'There is no such route.' : exception.message,
    };
  }
  // Log the error class and stack only: request bodies may hold personal data.
  const err = exception instanceof Error ? exception : new Error('non-error thrown');
  logger.error(`Unexpected ${err.name}: ${err.message}`, err.stack);
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side; the change was not made. Try again, or tell ICT.',
  };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception, this.logger);
    response.status(body.statusCode).json(body);
  }
}
