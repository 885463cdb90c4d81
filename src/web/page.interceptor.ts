import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { Page } from './page.js';
import { PageRenderer } from './page-renderer.js';

/** Turns a controller's `page(view, context)` into HTML; any other result passes through. */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(private readonly renderer: PageRenderer) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Page)) return result;
        const response = context.switchToHttp().getResponse<Response>();
        response.type('html');
        return this.renderer.html(response, result.view, result.context);
      }),
    );
  }
}
