import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { SeeOther } from './see-other.js';
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

/** Renders an HTML error page; implemented by the web module's PageRenderer. */
export interface ErrorPages {
  sendError(response: Response, error: ErrorBody): void;
}

/**
 * JSON for the API; for the console's and residents' pages (`isPage`), a GOV.UK-style error page,
 * and a 303 for a `SeeOther` (sign in first, or where a form leads next).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly pages?: { isPage: (path: string) => boolean; render: ErrorPages }) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (exception instanceof SeeOther) {
      response.redirect(303, exception.location);
      return;
    }
    const body = toErrorBody(exception, this.logger);
    if (this.pages?.isPage(request.path)) {
      this.renderPage(response, body);
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private renderPage(response: Response, body: ErrorBody): void {
    try {
      this.pages!.render.sendError(response, body);
    } catch (error) {
      // A broken error template must not hide the original error behind a second one.
      const err = error instanceof Error ? error : new Error('non-error thrown');
      this.logger.error(`Error page failed: ${err.message}`, err.stack);
      if (!response.headersSent) {
        response.status(body.statusCode).type('text').send(body.message);
      }
    }
  }
}
