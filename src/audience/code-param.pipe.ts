import type { PipeTransform } from '@nestjs/common';
import { badInput } from '../common/errors/crier-error.js';
import { AUDIENCE_CODE } from './dto/audience.dto.js';

/** An area or topic code in the path: anything that could not be one is bad input, not 404. */
export class CodeParam implements PipeTransform<string, string> {
  constructor(private readonly kind: 'area' | 'topic') {}

  transform(value: string): string {
    if (!AUDIENCE_CODE.test(value)) {
      throw badInput(
        'INVALID_CODE',
        `The ${this.kind} code in the path must be 1-40 letters, digits, - or _.`,
      );
    }
    return value;
  }
}
