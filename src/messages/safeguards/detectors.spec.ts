import { describe, expect, it } from 'vitest';
import { findEmailAddresses } from './email-addresses.js';
import { findHealthTerms } from './health-terms.js';
import { findLinksOutsideAllowList, hostAllowed } from './links.js';
import { maskDigits } from './mask.js';
import { findNationalInsuranceNumbers } from './national-insurance-numbers.js';
import { findNhsNumbers, isValidNhsNumber } from './nhs-numbers.js';
import { findNames } from './personal-names.js';
import { findPhoneNumbers } from './phone-numbers.js';
import { findPostcodesNearNames } from './postcodes-near-names.js';

const excerpts = (found: { excerpt: string }[]) => found.map((f) => f.excerpt);

describe('maskDigits', () => {
  it('keeps only the last two digits and the layout', () => {
    expect(maskDigits('0300 123 4567')).toBe('•••• ••• ••67');
    expect(maskDigits('AB 12 34 56 C')).toBe('AB •• •• 56 C');
  });
});

describe('phone numbers', () => {
  it('finds national and international numbers, masked', () => {
    expect(
      excerpts(findPhoneNumbers('Call 0300 123 4567, 07700 900123 or +44 20 7946 0018.')),
    ).toEqual(['•••• ••• ••67', '••••• ••••23', '+•• •• •••• ••18']);
  });

  it('leaves dates, times, prices, reference and NHS numbers alone', () => {
    const text =
      'On 12/03/2026 at 10.30, £1,234,567, application 26/01234/FUL, ref 9434765919, call 999 or 111.';
    expect(findPhoneNumbers(text)).toEqual([]);
  });
});

describe('email addresses', () => {
  it('finds any address, without the full stop after it', () => {
    expect(excerpts(findEmailAddresses('Write to jane.smith@example.gov.uk.'))).toEqual([
      'jane.smith@example.gov.uk',
    ]);
  });

  it('does not take an @ mention or a handle for an address', () => {
    expect(findEmailAddresses('Follow @ExampleCouncil on social media')).toEqual([]);
  });
});

describe('NHS numbers', () => {
  it('checks the modulus 11 check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    // A remainder giving 10 is never a valid NHS number.
    expect(isValidNhsNumber('0000000060')).toBe(false);
  });

  it('finds valid numbers, together or 3-3-4, masked', () => {
    expect(excerpts(findNhsNumbers('NHS 943 476 5919, 9434765919 and 401-023-2137'))).toEqual([
      '••• ••• ••19',
      '••••••••19',
      '•••-•••-••37',
    ]);
  });

  it('ignores numbers that fail the check, mixed separators and longer runs of digits', () => {
    expect(findNhsNumbers('943 476 5918, 943-476 5919, 19434765919, 0300 123 4567')).toEqual([]);
  });
});

describe('National Insurance numbers', () => {
  it('finds numbers with or without spaces, in any case', () => {
    expect(
      excerpts(findNationalInsuranceNumbers('JH 12 34 56 C, AB123456D and jh 45 67 89 a')),
    ).toEqual(['JH •• •• 56 C', 'AB••••56D', 'jh •• •• 89 a']);
  });

  it('refuses letters and prefixes HMRC never issues, and a missing suffix', () => {
    expect(
      findNationalInsuranceNumbers(
        'QQ 12 34 56 C, DA123456A, AO123456A, GB123456A, AB123456E, AB123456',
      ),
    ).toEqual([]);
  });
});

describe('names', () => {
  it('finds titled names and first name plus surname', () => {
    expect(
      findNames('Mrs Patel, Mr John Smith, Dr. O’Neil and Priya Shah met Olivia McDonald.').map(
        (n) => n.text,
      ),
    ).toEqual(['Mrs Patel', 'Mr John Smith', 'Dr. O’Neil', 'Priya Shah', 'Olivia McDonald']);
  });

  it('does not take places named after people for people', () => {
    expect(
      findNames('Victoria Park, George Street, Grace Hall, Mr Smith Road, Dr Gray Surgery'),
    ).toEqual([]);
  });
});

describe('postcodes next to names', () => {
  it('finds a postcode within a few words of a name', () => {
    expect(excerpts(findPostcodesNearNames('Mrs Patel, 12 Oak Road, EX4 2AB.'))).toEqual([
      'Mrs Patel, 12 Oak Road, EX4 2AB',
    ]);
  });

  it('ignores postcodes of places and names far from a postcode', () => {
    expect(findPostcodesNearNames('High Street, EX1 1AA, is closed.')).toEqual([]);
    expect(findPostcodesNearNames('St Mary’s Church Hall, Bridge Street, EX2 4AY')).toEqual([]);
    expect(
      findPostcodesNearNames(
        'The Mayor, Mrs Patel, will open the new play area on Saturday morning with the children of the primary school at EX1 1AA.',
      ),
    ).toEqual([]);
  });
});

describe('health terms', () => {
  it('finds a health term about a particular person', () => {
    expect(excerpts(findHealthTerms('Mrs Patel has dementia.'))).toEqual(['dementia']);
    expect(excerpts(findHealthTerms('She was admitted to hospital.'))).toEqual([
      'admitted to hospital',
    ]);
  });

  it('ignores health terms in public information', () => {
    for (const text of [
      'Riverside Health Centre opening hours: 9am to 1pm.',
      'The dementia-friendly café meets on Monday.',
      'If you have been diagnosed with diabetes, free classes start in May.',
      'Mental health support for young people at the Hub.',
      'Mrs Patel will open the fair. Mental health charities will have stalls.',
    ]) {
      expect(findHealthTerms(text)).toEqual([]);
    }
  });
});

describe('links', () => {
  const allow = ['gov.uk', 'nhs.uk'];

  it('allows a domain and its subdomains only', () => {
    expect(hostAllowed('www.example.gov.uk', allow)).toBe(true);
    expect(hostAllowed('GOV.UK', allow)).toBe(true);
    expect(hostAllowed('examplegov.uk', allow)).toBe(false);
    expect(hostAllowed('gov.uk.evil.example', allow)).toBe(false);
  });

  it('finds links with a scheme, www. or a bare host, without trailing punctuation', () => {
    expect(
      excerpts(
        findLinksOutsideAllowList(
          'See https://evil.example/pay, www.facebook.com/council and bit.ly/abc. Or www.gov.uk/vote.',
          allow,
        ),
      ),
    ).toEqual(['https://evil.example/pay', 'www.facebook.com/council', 'bit.ly/abc']);
  });

  it('does not read an email domain, a time or an abbreviation as a link', () => {
    expect(
      findLinksOutsideAllowList('Email a@example.com at 10.30am, e.g. Mon.-Fri.', allow),
    ).toEqual([]);
  });
});
