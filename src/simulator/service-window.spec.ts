import { describe, expect, it } from 'vitest';
import { SERVICE_WINDOW_MS, ServiceWindows } from './service-window.js';

describe('ServiceWindows', () => {
  it('is closed until the user writes, then open for 24 hours', () => {
    const windows = new ServiceWindows();
    expect(windows.isOpen('pn', '447400123456', 0)).toBe(false);
    windows.userWrote('pn', '447400123456', 1000);
    expect(windows.isOpen('pn', '447400123456', 1000 + SERVICE_WINDOW_MS - 1)).toBe(true);
    expect(windows.isOpen('pn', '447400123456', 1000 + SERVICE_WINDOW_MS)).toBe(false);
  });

  it('is per business number and per user', () => {
    const windows = new ServiceWindows();
    windows.userWrote('pn1', '447400123456', 0);
    expect(windows.isOpen('pn2', '447400123456', 1)).toBe(false);
    expect(windows.isOpen('pn1', '447400999999', 1)).toBe(false);
  });
});
