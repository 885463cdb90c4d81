import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot, webPaths } from './package-paths.js';

describe('webPaths', () => {
  it("finds Crier's views and govuk-frontend's templates from wherever it runs", () => {
    const paths = webPaths();
    expect(existsSync(join(packageRoot(), 'package.json'))).toBe(true);
    expect(existsSync(join(paths.views, 'layouts', 'base.njk'))).toBe(true);
    expect(existsSync(join(paths.govukDist, 'govuk', 'template.njk'))).toBe(true);
    expect(existsSync(join(paths.publicFiles, 'init.mjs'))).toBe(true);
    expect(paths.govukVersion).toMatch(/^6\./);
  });
});
