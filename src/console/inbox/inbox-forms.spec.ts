import { describe, expect, it } from 'vitest';
import {
  parseComment,
  parseOverrideReason,
  parseReason,
  parseReply,
  parseTemplateReply,
  wantsUnsubscribe,
} from './inbox-forms.js';

describe('parseReply', () => {
  it('takes the trimmed text', () => {
    expect(parseReply({ text: '  Thank you, we will look into it.  ' })).toEqual({
      ok: true,
      value: 'Thank you, we will look into it.',
    });
  });

  it('asks for a reply when there is none, linking to the box', () => {
    expect(parseReply({ text: '   ' })).toEqual({
      ok: false,
      problem: { text: 'Enter your reply', href: '#reply-text' },
    });
    expect(parseReply({})).toMatchObject({ ok: false });
  });

  it("refuses more than WhatsApp's 4,096 characters", () => {
    expect(parseReply({ text: 'x'.repeat(4097) })).toMatchObject({ ok: false });
    expect(parseReply({ text: 'x'.repeat(4096) })).toMatchObject({ ok: true });
  });
});

describe('parseReason', () => {
  it('links its problem to the field it was typed in', () => {
    expect(parseReason({ reason: '' }, 'block-reason')).toEqual({
      ok: false,
      problem: { text: 'Enter a reason', href: '#block-reason' },
    });
    expect(parseReason({ reason: ['Threats', 'x'] }, 'block-reason')).toEqual({
      ok: true,
      value: 'Threats',
    });
  });
});

describe('parseTemplateReply', () => {
  it('takes one parameter per non-blank line, trimmed', () => {
    expect(
      parseTemplateReply({
        templateName: ' area_alert ',
        language: 'en_GB',
        parameters: 'Bins on Friday. \r\n\r\n  Sorry for the delay\n',
      }),
    ).toEqual({
      ok: true,
      value: {
        templateName: 'area_alert',
        language: 'en_GB',
        parameters: ['Bins on Friday.', 'Sorry for the delay'],
      },
    });
  });

  it('links each problem to its field', () => {
    const problemOf = (body: Record<string, unknown>) => {
      const parsed = parseTemplateReply(body);
      return parsed.ok ? null : parsed.problem.href;
    };
    const good = { templateName: 'area_alert', language: 'cy', parameters: 'x' };
    expect(problemOf({ ...good, templateName: '' })).toBe('#template-name');
    expect(problemOf({ ...good, templateName: 'Area Alert' })).toBe('#template-name');
    expect(problemOf({ ...good, language: 'Welsh' })).toBe('#template-language');
    expect(problemOf({ ...good, parameters: Array(21).fill('x').join('\n') })).toBe(
      '#template-parameters',
    );
    expect(problemOf({ ...good, parameters: 'x'.repeat(1025) })).toBe('#template-parameters');
    expect(problemOf(good)).toBeNull();
  });
});

describe('the approval and rejection fields', () => {
  it('leaves the override reason optional but bounded', () => {
    expect(parseOverrideReason({ overrideReason: '  ' }, 'r')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(parseOverrideReason({ overrideReason: 'Our own address' }, 'r')).toEqual({
      ok: true,
      value: 'Our own address',
    });
    expect(parseOverrideReason({ overrideReason: 'x'.repeat(1001) }, 'r')).toMatchObject({
      ok: false,
      problem: { href: '#r' },
    });
  });

  it('needs a comment to reject', () => {
    expect(parseComment({ comment: '' }, 'c')).toEqual({
      ok: false,
      problem: { text: 'Enter a comment', href: '#c' },
    });
    expect(parseComment({ comment: ' Use another template ' }, 'c')).toEqual({
      ok: true,
      value: 'Use another template',
    });
  });

  it('ends subscriptions only when the box is ticked', () => {
    expect(wantsUnsubscribe({ unsubscribe: 'yes' })).toBe(true);
    expect(wantsUnsubscribe({})).toBe(false);
    expect(wantsUnsubscribe({ unsubscribe: 'true' })).toBe(false);
  });
});
