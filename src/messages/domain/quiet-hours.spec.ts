import { describe, expect, it } from 'vitest';
import type { QuietHours } from '../../channels/governance-policy.js';
import { quietHoursEnd } from './quiet-hours.js';

const LONDON = 'Europe/London';
const overnight: QuietHours = { start: '21:00', end: '08:00', timeZone: LONDON };
const daytime: QuietHours = { start: '12:00', end: '14:00', timeZone: LONDON };

const endAt = (iso: string, quietHours: QuietHours) =>
  quietHoursEnd(new Date(iso), quietHours)?.toISOString() ?? null;

describe('quietHoursEnd', () => {
  describe('21:00-08:00 Europe/London in winter (GMT, local = UTC)', () => {
    it('is not quiet at 20:59', () => {
      expect(endAt('2026-01-14T20:59:00Z', overnight)).toBeNull();
      expect(endAt('2026-01-14T20:59:59.999Z', overnight)).toBeNull();
    });

    it('is quiet from 21:00, until 08:00 the next day', () => {
      expect(endAt('2026-01-14T21:00:00Z', overnight)).toBe('2026-01-15T08:00:00.000Z');
      expect(endAt('2026-01-14T23:59:00Z', overnight)).toBe('2026-01-15T08:00:00.000Z');
    });

    it('is quiet at 03:00, until 08:00 the same day', () => {
      expect(endAt('2026-01-15T03:00:00Z', overnight)).toBe('2026-01-15T08:00:00.000Z');
      expect(endAt('2026-01-15T00:00:00Z', overnight)).toBe('2026-01-15T08:00:00.000Z');
      expect(endAt('2026-01-15T07:59:59Z', overnight)).toBe('2026-01-15T08:00:00.000Z');
    });

    it('is not quiet from 08:00', () => {
      expect(endAt('2026-01-15T08:00:00Z', overnight)).toBeNull();
      expect(endAt('2026-01-15T12:00:00Z', overnight)).toBeNull();
    });
  });

  describe('21:00-08:00 Europe/London in summer (BST, local = UTC+1)', () => {
    it('follows local time, not UTC', () => {
      expect(endAt('2026-07-14T19:59:00Z', overnight)).toBeNull(); // 20:59 BST
      expect(endAt('2026-07-14T20:00:00Z', overnight)).toBe('2026-07-15T07:00:00.000Z'); // 21:00 BST
      expect(endAt('2026-07-15T02:00:00Z', overnight)).toBe('2026-07-15T07:00:00.000Z'); // 03:00 BST
      expect(endAt('2026-07-15T07:00:00Z', overnight)).toBeNull(); // 08:00 BST
    });
  });

  describe('a daytime window, 12:00-14:00', () => {
    it('is quiet from its start until its end on the same day', () => {
      expect(endAt('2026-01-14T11:59:00Z', daytime)).toBeNull();
      expect(endAt('2026-01-14T12:00:00Z', daytime)).toBe('2026-01-14T14:00:00.000Z');
      expect(endAt('2026-01-14T13:59:00Z', daytime)).toBe('2026-01-14T14:00:00.000Z');
      expect(endAt('2026-01-14T14:00:00Z', daytime)).toBeNull();
      expect(endAt('2026-01-14T23:00:00Z', daytime)).toBeNull();
      expect(endAt('2026-01-14T03:00:00Z', daytime)).toBeNull();
    });

    it('follows local time in summer', () => {
      expect(endAt('2026-07-14T11:30:00Z', daytime)).toBe('2026-07-14T13:00:00.000Z'); // 12:30 BST
      expect(endAt('2026-07-14T13:00:00Z', daytime)).toBeNull(); // 14:00 BST
    });
  });

  it('works in another zone', () => {
    const newYork: QuietHours = { start: '21:00', end: '08:00', timeZone: 'America/New_York' };
    // 2026-01-15T03:00Z is 22:00 EST on the 14th; quiet until 08:00 EST (13:00Z) on the 15th.
    expect(endAt('2026-01-15T03:00:00Z', newYork)).toBe('2026-01-15T13:00:00.000Z');
    expect(endAt('2026-01-15T00:00:00Z', newYork)).toBeNull(); // 19:00 EST
  });

  describe('clocks going forward in Europe/London (2026-03-29, 01:00 GMT -> 02:00 BST)', () => {
    it('releases a message held at 23:30 GMT the night before at 08:00 BST (07:00Z)', () => {
      expect(endAt('2026-03-28T23:30:00Z', overnight)).toBe('2026-03-29T07:00:00.000Z');
    });

    it('releases at 08:00 BST whether held before or after the change', () => {
      expect(endAt('2026-03-29T00:30:00Z', overnight)).toBe('2026-03-29T07:00:00.000Z'); // 00:30 GMT
      expect(endAt('2026-03-29T01:00:00Z', overnight)).toBe('2026-03-29T07:00:00.000Z'); // 02:00 BST
      expect(endAt('2026-03-29T06:59:00Z', overnight)).toBe('2026-03-29T07:00:00.000Z'); // 07:59 BST
      expect(endAt('2026-03-29T07:00:00Z', overnight)).toBeNull(); // 08:00 BST
    });

    it('starts the next evening at 21:00 BST (20:00Z)', () => {
      expect(endAt('2026-03-29T19:59:00Z', overnight)).toBeNull();
      expect(endAt('2026-03-29T20:00:00Z', overnight)).toBe('2026-03-30T07:00:00.000Z');
    });

    describe('a window 22:00-01:30 whose end falls in the skipped hour (01:00-02:00 does not exist)', () => {
      const lateNight: QuietHours = { start: '22:00', end: '01:30', timeZone: LONDON };

      it('is quiet before the change and ends at an instant after the gap that is not itself quiet', () => {
        for (const held of ['2026-03-28T22:30:00Z', '2026-03-29T00:30:00Z']) {
          const end = quietHoursEnd(new Date(held), lateNight);
          expect(end).not.toBeNull();
          // At or after 02:00 BST (01:00Z), the first instant the local clock reads past 01:30.
          expect(end!.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-29T01:00:00Z'));
          // No later than 01:30 counted as elapsed time (02:30 BST, 01:30Z).
          expect(end!.getTime()).toBeLessThanOrEqual(Date.parse('2026-03-29T01:30:00Z'));
          expect(quietHoursEnd(end!, lateNight)).toBeNull();
        }
      });

      it('is not quiet once the clock reads 02:00 BST, as 01:30 has passed on the wall clock', () => {
        expect(endAt('2026-03-29T01:00:00Z', lateNight)).toBeNull(); // 02:00 BST
        expect(endAt('2026-03-29T01:15:00Z', lateNight)).toBeNull(); // 02:15 BST
      });

      // Known bug, see the report: the source documents (quiet-hours.ts, atLocalTime) that a
      // skipped end time moves to the first valid instant, 02:00 BST (01:00Z), which is also the
      // instant from which quietHoursEnd itself says "not quiet". Luxon instead moves 01:30 on
      // by the size of the gap, to 02:30 BST (01:30Z), holding messages 30 minutes past the end.
      // Drop `.fails` once the source is fixed.
      it('ends exactly when the skipped hour begins, 02:00 BST (01:00Z)', () => {
        expect(endAt('2026-03-28T22:30:00Z', lateNight)).toBe('2026-03-29T01:00:00.000Z');
        expect(endAt('2026-03-29T00:30:00Z', lateNight)).toBe('2026-03-29T01:00:00.000Z');
      });
    });
  });

  describe('clocks going back in Europe/London (2026-10-25, 02:00 BST -> 01:00 GMT)', () => {
    it('releases a message held at 22:30 BST the night before at 08:00 GMT (08:00Z)', () => {
      expect(endAt('2026-10-24T21:30:00Z', overnight)).toBe('2026-10-25T08:00:00.000Z');
    });

    it('releases at 08:00 GMT whether held before, during or after the repeated hour', () => {
      expect(endAt('2026-10-24T23:30:00Z', overnight)).toBe('2026-10-25T08:00:00.000Z'); // 00:30 BST
      expect(endAt('2026-10-25T00:30:00Z', overnight)).toBe('2026-10-25T08:00:00.000Z'); // 01:30 BST
      expect(endAt('2026-10-25T01:30:00Z', overnight)).toBe('2026-10-25T08:00:00.000Z'); // 01:30 GMT
      expect(endAt('2026-10-25T07:59:00Z', overnight)).toBe('2026-10-25T08:00:00.000Z'); // 07:59 GMT
      expect(endAt('2026-10-25T08:00:00Z', overnight)).toBeNull(); // 08:00 GMT
    });

    it('starts the evening before at 21:00 BST (20:00Z)', () => {
      expect(endAt('2026-10-24T19:59:00Z', overnight)).toBeNull();
      expect(endAt('2026-10-24T20:00:00Z', overnight)).toBe('2026-10-25T08:00:00.000Z');
    });
  });
});
