import nunjucks from 'nunjucks';
import type { WebPaths } from './package-paths.js';

/**
 * One Nunjucks environment for every page: Crier's templates first, then govuk-frontend's (so
 * `govuk/template.njk` and `govuk/components/<name>/macro.njk` resolve). Autoescaping is on:
 * only a template's `| safe` writes markup, and no resident's or officer's text should get it.
 */
export function createViewEnvironment(paths: Pick<WebPaths, 'views' | 'govukDist'>) {
  const loader = new nunjucks.FileSystemLoader([paths.views, paths.govukDist]);
  return new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
}
