import { describe, expect, it } from 'vitest';
import { noFaults, parseFaults } from './faults.js';

const configured = { duplicateRate: 0.02, reorderRate: 0.03 };

describe('parseFaults', () => {
  it('clears everything with {}, leaving the configured webhook rates in force', () => {
    expect(parseFaults({}, configured)).toEqual({ faults: noFaults(configured) });
    expect(noFaults(configured)).toMatchObject({
      errorRate: 0,
      asyncFailureRate: 0,
      asyncFailureCode: 131026,
      duplicateRate: 0.02,
      reorderRate: 0.03,
    });
  });

  it('takes async failures and overrides the webhook rates', () => {
    const parsed = parseFaults(
      { asyncFailureRate: 0.5, asyncFailureCode: 131049, duplicateRate: 1, reorderRate: 0 },
      configured,
    );
    expect(parsed).toEqual({
      faults: {
        ...noFaults(configured),
        asyncFailureRate: 0.5,
        asyncFailureCode: 131049,
        duplicateRate: 1,
        reorderRate: 0,
      },
    });
  });

  it('lists every bad field, and ignores unknown ones', () => {
    const parsed = parseFaults(
      {
        outage: 'yes',
        errorRate: 2,
        asyncFailureRate: -0.1,
        asyncFailureCode: 1.5,
        duplicateRate: '1',
        reorderRate: null,
        latencyMs: 70_000,
      },
      configured,
    );
    expect(parsed).toEqual({
      problems: [
        'outage must be true or false',
        'errorRate must be a number from 0 to 1',
        'asyncFailureRate must be a number from 0 to 1',
        'duplicateRate must be a number from 0 to 1',
        'reorderRate must be a number from 0 to 1',
        'asyncFailureCode must be a positive whole number',
        'latencyMs must be a number of milliseconds from 0 to 60000',
      ],
    });
    expect(parseFaults({ surprise: true }, configured)).toEqual({ faults: noFaults(configured) });
    expect(parseFaults([], configured)).toEqual({ problems: ['body must be a JSON object'] });
  });
});
