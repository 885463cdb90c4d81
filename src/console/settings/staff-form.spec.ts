import { describe, expect, it } from 'vitest';
import { parseStaffForm } from './staff-form.js';

const SERVICE = '7b0e2a52-7d0c-4a0e-9a57-8f1e3a4f7d10';

describe('parseStaffForm', () => {
  it('reads a new person with roles and the services offered', () => {
    const { values, problems } = parseStaffForm(
      {
        name: ' Sam ',
        email: 'sam@example.gov.uk',
        roles: ['officer', 'nonsense'],
        serviceIds: [SERVICE, 'forged'],
      },
      { withEmail: true, serviceIds: [SERVICE] },
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      name: 'Sam',
      email: 'sam@example.gov.uk',
      roles: ['officer'],
      serviceIds: [SERVICE],
    });
  });

  it('names each missing or wrong field', () => {
    const { problems } = parseStaffForm(
      { email: 'not-an-email' },
      { withEmail: true, serviceIds: [] },
    );
    expect(problems.map((problem) => problem.href)).toEqual(['#name', '#email', '#roles']);
  });

  it('ignores the email when changing a person', () => {
    const { values, problems } = parseStaffForm(
      { name: 'Sam', email: 'x', roles: 'auditor' },
      { withEmail: false, serviceIds: [] },
    );
    expect(problems).toEqual([]);
    expect(values.email).toBe('');
  });
});
