import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { badInput } from '../errors/crier-error.js';

function problems(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.includes(error.property) && !parent ? message : `${path}: ${message}`,
    );
    return [...own, ...problems(error.children ?? [], path)];
  });
}

const refusal = (found: string[]) =>
  badInput('VALIDATION_FAILED', `The request is not valid: ${found.join('; ')}.`, {
    problems: found,
  });

/** Far deeper than any request nests; deeper input would overflow the transformer's stack. */
const MAX_DEPTH = 32;
/** Keys class-transformer drops without a word; they are refused like any other unknown field. */
const DROPPED_KEYS = new Set(['__proto__', 'constructor']);

/** Checks the raw input's shape without recursion, so hostile nesting cannot overflow the stack. */
function shapeProblems(input: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      found.push(`${path.split('.')[0]} is nested more than ${MAX_DEPTH} levels deep`);
      break;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (DROPPED_KEYS.has(key)) found.push(`property ${at} should not exist`);
      pending.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return found;
}

class CrierValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const found = shapeProblems(value);
      if (found.length > 0) return Promise.reject(refusal(found));
    }
    return super.transform(value, metadata);
  }
}

/** Validates every body and query against its DTO; unknown fields are refused, not ignored. */
export const validationPipe = new CrierValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => refusal(problems(errors)),
});
