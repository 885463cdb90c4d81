import { AUDIENCE_CODE } from '../../audience/dto/audience.dto.js';
import { type FormBody, type FormProblem, textField, wholeNumber } from './forms.js';

export const NAME_MAX = 120;

export function parseServiceForm(body: FormBody): { name: string; problems: FormProblem[] } {
  const name = textField(body, 'name');
  const problems: FormProblem[] = [];
  if (name === '') problems.push({ text: 'Enter the name of the service', href: '#name' });
  else if (name.length > NAME_MAX) {
    problems.push({ text: `Name must be ${NAME_MAX} characters or fewer`, href: '#name' });
  }
  return { name, problems };
}

/** A new name for a service, an area or a topic. */
export function parseRenameForm(
  body: FormBody,
  noun: 'service' | 'area' | 'topic',
): { name: string; problems: FormProblem[] } {
  const name = textField(body, 'name');
  const problems: FormProblem[] = [];
  if (name === '') problems.push({ text: `Enter the new name of the ${noun}`, href: '#name' });
  else if (name.length > NAME_MAX) {
    problems.push({ text: `Name must be ${NAME_MAX} characters or fewer`, href: '#name' });
  }
  return { name, problems };
}

/** An area or a topic: a short code residents and messages use, and a name people read. */
export function parseAudienceForm(
  body: FormBody,
  kind: 'area' | 'topic',
): { code: string; name: string; problems: FormProblem[] } {
  const code = textField(body, 'code');
  const name = textField(body, 'name');
  const problems: FormProblem[] = [];
  if (code === '') problems.push({ text: `Enter a code for the ${kind}`, href: `#${kind}-code` });
  else if (!AUDIENCE_CODE.test(code)) {
    problems.push({
      text: 'Code must be 1 to 40 letters, digits, hyphens or underscores, starting with a letter or digit',
      href: `#${kind}-code`,
    });
  }
  if (name === '') problems.push({ text: `Enter a name for the ${kind}`, href: `#${kind}-name` });
  else if (name.length > NAME_MAX) {
    problems.push({ text: `Name must be ${NAME_MAX} characters or fewer`, href: `#${kind}-name` });
  }
  return { code, name, problems };
}

export const THROUGHPUT_MIN = 1;
export const THROUGHPUT_MAX = 1000;

export function parseThroughputForm(body: FormBody): {
  text: string;
  perSecond?: number;
  problems: FormProblem[];
} {
  const text = textField(body, 'throughputPerSecond');
  const perSecond = wholeNumber(text);
  if (perSecond !== undefined && perSecond >= THROUGHPUT_MIN && perSecond <= THROUGHPUT_MAX) {
    return { text, perSecond, problems: [] };
  }
  const message =
    text === ''
      ? 'Enter how many messages a second this channel may send'
      : `Messages a second must be a whole number from ${THROUGHPUT_MIN} to ${THROUGHPUT_MAX}`;
  return { text, problems: [{ text: message, href: '#throughputPerSecond' }] };
}

/** The pasted CSV, and a problem when there is nothing to import. */
export function parsePostcodeForm(body: FormBody): { csv: string; problems: FormProblem[] } {
  const raw = body.csv;
  const csv = typeof raw === 'string' ? raw : '';
  return csv.trim() === ''
    ? { csv, problems: [{ text: 'Paste the postcode mapping as CSV', href: '#csv' }] }
    : { csv, problems: [] };
}
