import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../config/load-config.js';
import { GraphError } from './graph-error.js';
import {
  AREA_ALERT,
  BUILT_IN_TEMPLATES,
  checkTemplate,
  loadTemplatesFile,
  parameterCount,
  SUBSCRIPTION_CONFIRMATION,
  SUBSCRIPTION_CONFIRMATION_CY,
  shownButtons,
} from './templates.js';
import type { ButtonComponent } from './validate-message.js';

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
    const request = {
      name: 'area_alert',
      languageCode: 'en_GB',
      bodyParameterCount: 1,
      buttons: [],
    };
    expect(checkTemplate([AREA_ALERT], request)).toBe(AREA_ALERT);
  });

  it('answers 132001 for an unknown name or language and 132000 for a parameter mismatch', () => {
    const check = (name: string, languageCode: string, bodyParameterCount: number) =>
      codeOf(() =>
        checkTemplate([AREA_ALERT], { name, languageCode, bodyParameterCount, buttons: [] }),
      );
    expect(check('flood_warning', 'en_GB', 1)).toBe(132001);
    expect(check('area_alert', 'cy_GB', 1)).toBe(132001);
    expect(check('area_alert', 'en_GB', 2)).toBe(132000);
    expect(check('area_alert', 'en_GB', 0)).toBe(132000);
  });

  describe('quick-reply buttons', () => {
    const confirmation = (buttons: ButtonComponent[]) => ({
      name: 'subscription_confirmation',
      languageCode: 'en_GB',
      bodyParameterCount: 1,
      buttons,
    });
    const quickReply = (index: number, payload = 'P'): ButtonComponent => ({
      index,
      subType: 'quick_reply',
      payload,
    });

    it('shows each button with the payload the send gave it, or its label when none', () => {
      const request = confirmation([quickReply(0, 'CONFIRM')]);
      const template = checkTemplate([AREA_ALERT, SUBSCRIPTION_CONFIRMATION], request);
      expect(shownButtons(template, request)).toEqual([
        { type: 'QUICK_REPLY', text: 'Confirm', payload: 'CONFIRM' },
        { type: 'QUICK_REPLY', text: 'Not me', payload: 'Not me' },
      ]);
      const alert = { name: 'area_alert', languageCode: 'en_GB', bodyParameterCount: 1 };
      expect(shownButtons(AREA_ALERT, { ...alert, buttons: [] })).toEqual([]);
    });

    it('has subscription_confirmation in Welsh too, its buttons in the same order and payloads', () => {
      const welsh = {
        ...confirmation([quickReply(0, 'YES'), quickReply(1, 'NO')]),
        languageCode: 'cy',
      };
      const template = checkTemplate(BUILT_IN_TEMPLATES, welsh);
      expect(template).toBe(SUBSCRIPTION_CONFIRMATION_CY);
      expect(shownButtons(template, welsh)).toEqual([
        { type: 'QUICK_REPLY', text: 'Cadarnhau', payload: 'YES' },
        { type: 'QUICK_REPLY', text: 'Nid fi', payload: 'NO' },
      ]);
      expect(checkTemplate(BUILT_IN_TEMPLATES, confirmation([]))).toBe(SUBSCRIPTION_CONFIRMATION);
      expect(
        codeOf(() => checkTemplate(BUILT_IN_TEMPLATES, { ...welsh, languageCode: 'cy_GB' })),
      ).toBe(132001);
      for (const { buttons = [] } of BUILT_IN_TEMPLATES) {
        for (const { text } of buttons) expect(text.length).toBeLessThanOrEqual(25);
      }
    });

    it('answers 132012 for an index the template has no button at, or a button of another type', () => {
      const templates = [AREA_ALERT, SUBSCRIPTION_CONFIRMATION];
      const linked = {
        ...SUBSCRIPTION_CONFIRMATION,
        buttons: [{ type: 'URL' as const, text: 'Map' }],
      };
      expect(codeOf(() => checkTemplate(templates, confirmation([quickReply(1)])))).toBeNull();
      expect(codeOf(() => checkTemplate(templates, confirmation([quickReply(2)])))).toBe(132012);
      expect(codeOf(() => checkTemplate([linked], confirmation([quickReply(0)])))).toBe(132012);
      const onAlert = { ...confirmation([quickReply(0)]), name: 'area_alert' };
      expect(codeOf(() => checkTemplate(templates, onAlert))).toBe(132012);
    });
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

  it('loads buttons with a template, and reports a wrong type, a long label or too many', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-templates-'));
    const withButtons = {
      name: 'bin_day',
      language: 'en_GB',
      body: '{{1}}',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Remind me' },
        { type: 'URL', text: 'Collection days' },
      ],
    };
    const good = join(dir, 'buttons.json');
    await writeFile(good, JSON.stringify([withButtons]));
    expect(await loadTemplatesFile(good)).toEqual([withButtons]);

    const bad = join(dir, 'bad-buttons.json');
    const eleven = Array.from({ length: 11 }, () => ({ type: 'QUICK_REPLY', text: 'Yes' }));
    await writeFile(
      bad,
      JSON.stringify([
        { ...withButtons, buttons: [{ type: 'reply', text: 'x'.repeat(26) }, 'Confirm'] },
        { ...withButtons, buttons: eleven },
        { ...withButtons, buttons: {} },
      ]),
    );
    const error = await loadTemplatesFile(bad).catch((e: unknown) => e);
    expect((error as ConfigurationError).problems).toEqual([
      'SIM_TEMPLATES[0].buttons[0].type must be QUICK_REPLY, URL, PHONE_NUMBER',
      'SIM_TEMPLATES[0].buttons[0].text must be text of at most 25 characters',
      'SIM_TEMPLATES[0].buttons[1].type must be QUICK_REPLY, URL, PHONE_NUMBER',
      'SIM_TEMPLATES[0].buttons[1].text must be text of at most 25 characters',
      'SIM_TEMPLATES[1].buttons must be an array of 1 to 10 buttons',
      'SIM_TEMPLATES[2].buttons must be an array of 1 to 10 buttons',
    ]);
  });
});
