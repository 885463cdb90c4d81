import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Validates every body and query against its DTO; unknown fields are refused, not ignored. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const found = problems(errors);
    return badInput('VALIDATION_FAILED', `The request is not valid: ${found.join('; ')}.`, {
      problems: found,
    });
  },
});
