import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './postcode.js';

describe('normalisePostcode', () => {
  it.each([
    ['nf12ab', 'NF1 2AB'],
    [' NF1 2AB ', 'NF1 2AB'],
    ['nf1  2ab', 'NF1 2AB'],
    ['NF1\t2AB', 'NF1 2AB'],
    ['m11ae', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['cr2 6xh', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['gir 0aa', 'GIR 0AA'],
    ['GIR0AA', 'GIR 0AA'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'NF1',
    '2AB',
    'NF1 2A',
    'NF1 22B',
    '1F1 2AB',
    'NFX1 2AB',
    'NF123 2AB',
    'NF1 2ABC',
    'N-F1 2AB',
    'NF1 2ÅB',
    'GIR 0AB',
    `NF1 2AB${' '.repeat(20)}`,
  ])('refuses %j', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});
