import { describe, expect, it } from 'vitest';
import { errorPage } from './error-pages.js';

describe('errorPage', () => {
  it("uses the Design System's titles", () => {
    expect(errorPage(404).title).toBe('Page not found');
    expect(errorPage(403, 'Only administrators can do this.')).toEqual({
      title: 'You do not have access to this page',
      paragraphs: ['Only administrators can do this.'],
    });
    expect(errorPage(500, 'secret detail').title).toBe(
      'Sorry, there is a problem with the service',
    );
  });

  it('never shows the detail of an unexpected error', () => {
    expect(errorPage(500, 'secret detail').paragraphs.join(' ')).not.toContain('secret');
  });

  it('explains bad input as a problem with what was sent, not a fault', () => {
    expect(errorPage(400, 'The id must be a UUID.')).toEqual({
      title: 'Sorry, there is a problem with what was sent',
      paragraphs: ['The id must be a UUID.', 'Go back and try again.'],
    });
  });
});
