import { type Finding, finding } from './content-finding.js';
import { findPersonReferences, sameSentence, wordsBetween } from './personal-names.js';

/**
 * Terms about one person's health: conditions, treatment, care. Each alone is ordinary in a
 * council message ("dementia-friendly café", "mental health support for young people"); what
 * must not go out is a term about a particular person.
 */
const TERMS = [
  'diagnosis',
  'diagnosed',
  'dementia',
  "alzheimer'?s",
  'cancer',
  'chemotherapy',
  'diabetes',
  'diabetic',
  'hiv',
  'hepatitis',
  'tuberculosis',
  'epilepsy',
  'epileptic',
  'schizophrenia',
  'schizophrenic',
  'bipolar',
  'depression',
  'depressed',
  'psychosis',
  'psychotic',
  'autism',
  'autistic',
  'adhd',
  'mental health',
  'mental illness',
  'mentally ill',
  'sectioned',
  'mental health act',
  'overdose',
  'overdosed',
  'self[- ]harm(?:ed|ing)?',
  'suicide',
  'suicidal',
  'pregnant',
  'pregnancy',
  'miscarriage',
  'abortion',
  'stroke',
  'heart attack',
  'dialysis',
  'medication',
  'prescription',
  'prescribed',
  'antidepressants?',
  'methadone',
  'insulin',
  'hospital admission',
  'admitted to hospital',
  'in hospital',
  'discharged from hospital',
  'intensive care',
  'terminally ill',
  'palliative care',
  'nhs number',
  'gp records?',
  'medical records?',
  'tested positive',
  'disability',
];
const TERM = new RegExp(String.raw`\b(?:${TERMS.join('|')})\b`, 'gi');

/** A health term this close to a person, in the same sentence, is about that person. */
export const NEAR_WORDS = 8;

/**
 * Health terms about a particular person: within NEAR_WORDS words, in the same sentence, of a
 * name ("Mrs Patel", "John Smith"), a third-person pronoun (he, she, his, her...) or "the
 * resident". "You" and "residents" do not count: "Book your flu jab" is public health advice.
 */
export function findHealthTerms(text: string): Finding[] {
  const people = findPersonReferences(text);
  if (people.length === 0) return [];
  return [...text.matchAll(TERM)].flatMap((match) => {
    const term = { start: match.index, end: match.index + match[0].length };
    const person = people.find(
      (p) => wordsBetween(text, p, term) <= NEAR_WORDS && sameSentence(text, p, term),
    );
    if (!person) return [];
    return [
      finding(
        'HEALTH_INFORMATION',
        `Health information about a person (“${match[0]}” near “${person.text}”). Health information must never be sent on WhatsApp.`,
        match[0],
        term.start,
        term.end,
      ),
    ];
  });
}
