import { describe, expect, it } from 'vitest';
import type { GovernancePolicy } from '../../channels/governance-policy.js';
import { CrierError } from '../../common/errors/crier-error.js';
import type { MessageContentDto } from '../dto/message-input.dto.js';
import { checkDraft, type DraftInput, toContent } from './draft-rules.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;

const policy = (overrides: Partial<GovernancePolicy> = {}): GovernancePolicy => ({
  approvalsRequired: 1,
  approverRoles: ['comms_approver'],
  quietHours: null,
  emergencyBypassesQuietHours: false,
  allowedContentKinds: ['template', 'text'],
  ...overrides,
});

const draft = (overrides: Partial<DraftInput> = {}): DraftInput => ({
  channelId: 'ch-1',
  content: { kind: 'text', body: 'Bins go out on Tuesday this week.' },
  audience: { areas: ['crewe'], topics: ['waste'] },
  priority: 'routine',
  sendAt: null,
  emergencyReason: null,
  ...overrides,
});

const isoOffset = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

/** The CrierError code `run` throws; fails the test if it throws anything else or nothing. */
function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CrierError);
    return (error as CrierError).code;
  }
  throw new Error('expected a CrierError, but nothing was thrown');
}

describe('toContent', () => {
  it('turns a text input into text content', () => {
    const input: MessageContentDto = { kind: 'text', body: 'Hello' };
    expect(toContent(input)).toEqual({ kind: 'text', body: 'Hello' });
  });

  it('turns a template input into template content', () => {
    const input: MessageContentDto = {
      kind: 'template',
      templateName: 'area_alert',
      language: 'en_GB',
      parameters: ['Gritting tonight'],
    };
    expect(toContent(input)).toEqual({
      kind: 'template',
      templateName: 'area_alert',
      language: 'en_GB',
      parameters: ['Gritting tonight'],
    });
  });

  it.each<[string, MessageContentDto]>([
    ['templateName', { kind: 'text', body: 'Hello', templateName: 'area_alert' }],
    ['language', { kind: 'text', body: 'Hello', language: 'en_GB' }],
    ['parameters', { kind: 'text', body: 'Hello', parameters: [] }],
  ])('refuses text content carrying %s', (_, input) => {
    expect(errorCode(() => toContent(input))).toBe('INVALID_CONTENT');
  });

  it('names every template field a text message carries', () => {
    const input: MessageContentDto = {
      kind: 'text',
      body: 'Hello',
      templateName: 'area_alert',
      parameters: ['x'],
    };
    try {
      toContent(input);
      expect.unreachable();
    } catch (error) {
      expect((error as CrierError).code).toBe('INVALID_CONTENT');
      expect((error as CrierError).message).toContain('templateName, parameters');
    }
  });

  it('refuses template content carrying a body', () => {
    const input: MessageContentDto = {
      kind: 'template',
      templateName: 'area_alert',
      language: 'en_GB',
      parameters: [],
      body: 'Hello',
    };
    expect(errorCode(() => toContent(input))).toBe('INVALID_CONTENT');
  });

  it('copies no field of the other kind into the content', () => {
    expect(Object.keys(toContent({ kind: 'text', body: 'Hi' })).sort()).toEqual(['body', 'kind']);
    expect(
      Object.keys(
        toContent({ kind: 'template', templateName: 't', language: 'cy', parameters: [] }),
      ).sort(),
    ).toEqual(['kind', 'language', 'parameters', 'templateName']);
  });
});

describe('checkDraft', () => {
  it('accepts a routine draft and returns what an approver signs off', () => {
    expect(
      checkDraft(
        draft({ audience: { areas: ['nantwich', 'crewe', 'crewe'], topics: ['waste'] } }),
        policy(),
        NOW,
      ),
    ).toEqual({
      channelId: 'ch-1',
      content: { kind: 'text', body: 'Bins go out on Tuesday this week.' },
      audience: { areas: ['crewe', 'nantwich'], topics: ['waste'] },
      priority: 'routine',
      sendAt: null,
      emergencyReason: null,
    });
  });

  it.each<[GovernancePolicy['allowedContentKinds'], DraftInput['content']]>([
    [['template'], { kind: 'text', body: 'Hello' }],
    [['text'], { kind: 'template', templateName: 't', language: 'en_GB', parameters: [] }],
  ])('refuses a content kind the policy does not allow (allowed %j)', (allowed, content) => {
    expect(
      errorCode(() =>
        checkDraft(draft({ content }), policy({ allowedContentKinds: allowed }), NOW),
      ),
    ).toBe('CONTENT_KIND_NOT_ALLOWED');
  });

  it.each([null, '', '   '])('refuses an emergency without a reason (%j)', (emergencyReason) => {
    expect(
      errorCode(() => checkDraft(draft({ priority: 'emergency', emergencyReason }), policy(), NOW)),
    ).toBe('EMERGENCY_REASON_REQUIRED');
  });

  it('keeps an emergency reason, trimmed', () => {
    const checked = checkDraft(
      draft({ priority: 'emergency', emergencyReason: '  Flooding on the A500 \n' }),
      policy(),
      NOW,
    );
    expect(checked.priority).toBe('emergency');
    expect(checked.emergencyReason).toBe('Flooding on the A500');
  });

  it('refuses a reason on a routine message', () => {
    expect(errorCode(() => checkDraft(draft({ emergencyReason: 'Because' }), policy(), NOW))).toBe(
      'EMERGENCY_REASON_NOT_ALLOWED',
    );
  });

  it('treats a blank reason on a routine message as none', () => {
    expect(checkDraft(draft({ emergencyReason: '  ' }), policy(), NOW).emergencyReason).toBeNull();
  });

  it('keeps a future send time, normalised to UTC ISO 8601', () => {
    expect(checkDraft(draft({ sendAt: '2026-06-02T09:30:00+01:00' }), policy(), NOW).sendAt).toBe(
      '2026-06-02T08:30:00.000Z',
    );
  });

  it('tolerates a send time 30 seconds in the past', () => {
    expect(checkDraft(draft({ sendAt: isoOffset(-30 * SECOND) }), policy(), NOW).sendAt).toBe(
      '2026-06-01T11:59:30.000Z',
    );
  });

  it.each([2 * 60 * SECOND, DAY])('refuses a send time %i ms in the past', (ago) => {
    expect(errorCode(() => checkDraft(draft({ sendAt: isoOffset(-ago) }), policy(), NOW))).toBe(
      'SEND_AT_IN_PAST',
    );
  });

  it('accepts a send time within the coming year', () => {
    const sendAt = isoOffset(365 * DAY);
    expect(checkDraft(draft({ sendAt }), policy(), NOW).sendAt).toBe(sendAt);
  });

  it('refuses a send time more than a year ahead', () => {
    expect(
      errorCode(() => checkDraft(draft({ sendAt: isoOffset(367 * DAY) }), policy(), NOW)),
    ).toBe('SEND_AT_TOO_FAR');
  });

  it('checks the content kind before the emergency reason and send time', () => {
    expect(
      errorCode(() =>
        checkDraft(
          draft({ priority: 'emergency', emergencyReason: null, sendAt: isoOffset(-DAY) }),
          policy({ allowedContentKinds: ['template'] }),
          NOW,
        ),
      ),
    ).toBe('CONTENT_KIND_NOT_ALLOWED');
  });
});
