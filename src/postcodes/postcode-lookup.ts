import { Injectable } from '@nestjs/common';
import { normalisePostcode } from './postcode.js';
import { PostcodesRepository } from './postcodes.repository.js';

/** For other modules (the residents' opt-in): which area a resident's postcode is in. */
@Injectable()
export class PostcodeLookup {
  constructor(private readonly postcodes: PostcodesRepository) {}

  /** The area code for a postcode as a person typed it; null if it is invalid or not mapped. */
  async areaFor(postcode: string): Promise<string | null> {
    const normalised = normalisePostcode(postcode);
    if (!normalised) return null;
    return (await this.postcodes.findWithArea(normalised))?.areaCode ?? null;
  }
}
