import { describe, expect, it } from 'vitest';
import { clickToChat } from './whatsapp-link.js';

describe('clickToChat', () => {
  it("links to the number's digits with the word ready to send", () => {
    expect(clickToChat('+44 1632 960000', 'STOP')).toBe('https://wa.me/441632960000?text=STOP');
    expect(clickToChat('01632 960000', 'JOIN')).toBe('https://wa.me/441632960000?text=JOIN');
  });

  it('gives no link when there is no number it can read', () => {
    expect(clickToChat(null, 'STOP')).toBeNull();
    expect(clickToChat('not known', 'STOP')).toBeNull();
  });
});
