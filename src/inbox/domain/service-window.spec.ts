import { describe, expect, it } from 'vitest';
import { serviceWindow } from './service-window.js';

const at = (iso: string) => new Date(iso);

describe('serviceWindow', () => {
  it('is open for 24 hours after the resident last wrote', () => {
    const window = serviceWindow(at('2026-01-01T10:00:00Z'), at('2026-01-02T09:59:59Z'));
    expect(window).toEqual({ open: true, closesAt: at('2026-01-02T10:00:00Z') });
  });

  it('is closed from the 24th hour on', () => {
    expect(serviceWindow(at('2026-01-01T10:00:00Z'), at('2026-01-02T10:00:00Z')).open).toBe(false);
  });

  it('is closed, with no closing time, when the resident never wrote', () => {
    expect(serviceWindow(null, at('2026-01-02T10:00:00Z'))).toEqual({
      open: false,
      closesAt: null,
    });
  });
});
