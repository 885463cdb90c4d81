import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/access.decorators.js';
import { SeeOther } from '../common/errors/see-other.js';

/** Someone who opens Crier's address with no path is a member of staff: to the console. */
@Controller()
export class HomeController {
  @Get()
  @Public()
  home(): never {
    throw new SeeOther('/console');
  }
}
