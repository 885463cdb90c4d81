import { describe, expect, it } from 'vitest';
import type { MessageVersionView } from '../../messages/dto/message-history.dto.js';
import {
  changedDetails,
  chosenComparison,
  contentText,
  defaultComparison,
  wordDiff,
} from './version-diff.js';

const version = (over: Partial<MessageVersionView> = {}): MessageVersionView => ({
  version: 1,
  contentHash: 'h',
  content: { kind: 'text', body: 'Gritting tonight on all A roads.' },
  audience: { areas: ['northfield'], topics: ['gritting'] },
  priority: 'routine',
  sendAt: null,
  emergencyReason: null,
  editedBy: 'someone',
  createdAt: '2026-01-01T10:00:00.000Z',
  ...over,
});

describe('wordDiff', () => {
  it('marks added and removed words and keeps the rest, in reading order', () => {
    expect(wordDiff('Gritting tonight on A roads.', 'Gritting from 8pm on A roads.')).toEqual([
      { kind: 'same', text: 'Gritting ' },
      { kind: 'removed', text: 'tonight' },
      { kind: 'added', text: 'from 8pm' },
      { kind: 'same', text: ' on A roads.' },
    ]);
  });

  it('puts the two texts back together: without additions the old, without removals the new', () => {
    const before = 'Bins are collected on Tuesday.\nGarden waste too.';
    const after = 'Bins are collected on Wednesday this week.\nGarden waste is not.';
    const segments = wordDiff(before, after);
    const join = (skip: string) =>
      segments
        .filter((s) => s.kind !== skip)
        .map((s) => s.text)
        .join('');
    expect(join('added')).toBe(before);
    expect(join('removed')).toBe(after);
  });

  it('has a single unchanged segment when nothing changed, and none for two empty texts', () => {
    expect(wordDiff('Same words.', 'Same words.')).toEqual([{ kind: 'same', text: 'Same words.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('contentText', () => {
  it("is a text message's body, or a template's parameters one per line", () => {
    expect(contentText({ kind: 'text', body: 'Hello' })).toBe('Hello');
    expect(
      contentText({ kind: 'template', templateName: 'area_alert', parameters: ['One', 'Two'] }),
    ).toBe('One\nTwo');
  });
});

describe('changedDetails', () => {
  it('lists only the details that differ, with before and after', () => {
    const older = version();
    const newer = version({
      version: 2,
      audience: { areas: ['northfield', 'southbank'], topics: ['gritting'] },
      priority: 'emergency',
      emergencyReason: 'Flooding on the ring road',
    });
    expect(changedDetails(older, newer)).toEqual([
      { label: 'Areas', before: 'northfield', after: 'northfield, southbank' },
      { label: 'Priority', before: 'Routine', after: 'Emergency' },
      { label: 'Emergency reason', before: 'None', after: 'Flooding on the ring road' },
    ]);
    expect(changedDetails(older, version({ version: 2 }))).toEqual([]);
  });
});

describe('defaultComparison', () => {
  it('compares the last reviewed version with the current one', () => {
    expect(defaultComparison(4, [1, 2, 2])).toEqual({ from: 2, to: 4 });
  });
  it('else the one before the current one; version 1 has nothing to compare with', () => {
    expect(defaultComparison(3, [])).toEqual({ from: 2, to: 3 });
    expect(defaultComparison(3, [3])).toEqual({ from: 2, to: 3 });
    expect(defaultComparison(1, [])).toEqual({ from: null, to: 1 });
  });
});

describe('chosenComparison', () => {
  const fallback = { from: 2, to: 3 };
  it('takes the versions picked, when they exist', () => {
    expect(chosenComparison({ from: '1', to: '2' }, [1, 2, 3], fallback)).toEqual({
      from: 1,
      to: 2,
    });
  });
  it('falls back for versions that do not exist or are not numbers', () => {
    expect(chosenComparison({ from: '9', to: 'x' }, [1, 2, 3], fallback)).toEqual(fallback);
    expect(chosenComparison({}, [1, 2, 3], fallback)).toEqual(fallback);
  });
  it('shows a version alone when compared with itself', () => {
    expect(chosenComparison({ from: '2', to: '2' }, [1, 2, 3], fallback)).toEqual({
      from: null,
      to: 2,
    });
  });
});
