import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../config/load-config.js';
import { GraphError } from './graph-error.js';
import { AREA_ALERT, checkTemplate, loadTemplatesFile, parameterCount } from './templates.js';

function codeOf(action: () => unknown): number | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof GraphError ? error.code : -1;
  }
}

describe('templates', () => {
  it('counts distinct placeholders', () => {
    expect(parameterCount(AREA_ALERT)).toBe(1);
    expect(parameterCount({ ...AREA_ALERT, body: '{{1}} at {{2}}, {{1}}' })).toBe(2);
  });

  it('accepts area_alert in en_GB with one parameter', () => {
    const request = { name: 'area_alert', languageCode: 'en_GB', bodyParameterCount: 1 };
    expect(checkTemplate([AREA_ALERT], request)).toBe(AREA_ALERT);
  });

  it('answers 132001 for an unknown name or language and 132000 for a parameter mismatch', () => {
    const check = (name: string, languageCode: string, bodyParameterCount: number) =>
      codeOf(() => checkTemplate([AREA_ALERT], { name, languageCode, bodyParameterCount }));
    expect(check('flood_warning', 'en_GB', 1)).toBe(132001);
    expect(check('area_alert', 'cy_GB', 1)).toBe(132001);
    expect(check('area_alert', 'en_GB', 2)).toBe(132000);
    expect(check('area_alert', 'en_GB', 0)).toBe(132000);
  });

  it('loads extra templates from a file and lists every problem in one error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-templates-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify([{ name: 'bin_day', language: 'en_GB', body: '{{1}}' }]));
    expect(await loadTemplatesFile(good)).toEqual([
      { name: 'bin_day', language: 'en_GB', body: '{{1}}' },
    ]);

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([{ name: 'Bad Name', body: '' }, 'x']));
    const error = await loadTemplatesFile(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toHaveLength(4);
  });
});
