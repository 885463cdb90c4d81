import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Crier's package.json, found by walking up from this file. Templates and
 * static files are not compiled, so tsc does not copy them to dist/: they are read from the
 * source tree whether this runs from src/ (vitest) or dist/src/ (`npm start`).
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
  return dir;
}

export interface WebPaths {
  /** Crier's own templates: layouts, pages, error pages. */
  views: string;
  /** Crier's own static files, served under /assets/crier. */
  publicFiles: string;
  /** govuk-frontend's dist/ folder: its templates are `govuk/...` under it. */
  govukDist: string;
  govukVersion: string;
}

export function webPaths(): WebPaths {
  const root = packageRoot();
  // Resolved like an import, so it is found wherever npm placed the package.
  const govukPackage = createRequire(import.meta.url).resolve('govuk-frontend/package.json');
  const { version } = createRequire(import.meta.url)(govukPackage) as { version: string };
  return {
    views: join(root, 'src', 'web', 'views'),
    publicFiles: join(root, 'src', 'web', 'public'),
    govukDist: join(dirname(govukPackage), 'dist'),
    govukVersion: version,
  };
}
