/** What a page controller returns: a template under src/web/views and what it shows. */
export class Page {
  constructor(
    readonly view: string,
    readonly context: Record<string, unknown>,
  ) {}
}

export const page = (view: string, context: Record<string, unknown> = {}): Page =>
  new Page(view.endsWith('.njk') ? view : `${view}.njk`, context);

export { SeeOther } from '../common/errors/see-other.js';
