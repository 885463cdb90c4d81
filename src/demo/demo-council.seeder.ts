import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AudienceService } from '../audience/audience.service.js';
import { ChannelsService } from '../channels/channels.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { normalisePostcode } from '../postcodes/postcode.js';
import { PostcodesService } from '../postcodes/postcodes.service.js';
import { SubscriberImportService } from '../residents/subscriber-import.service.js';
import { DEMO_RESIDENTS, EXAMPLE_COUNCIL } from './example-borough-council.js';

const SYSTEM = { kind: 'system' as const, reason: 'demo-seed' };

function demoPostcodeMapping({ postcode, area }: { postcode: string; area: string }) {
  const normalised = normalisePostcode(postcode);
  // A typo in the fixture should stop the seed loudly, not store a postcode no lookup finds.
  if (!normalised) throw new Error(`The demo postcode "${postcode}" is not a valid postcode`);
  return { postcode: normalised, areaCode: area };
}

/**
 * Seeds "Example Borough Council" into an empty database, in one transaction and through the same
 * services (and audit trail) as an admin would use.
 */
@Injectable()
export class DemoCouncilSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoCouncil');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisation: OrganisationService,
    private readonly channels: ChannelsService,
    private readonly audience: AudienceService,
    private readonly postcodes: PostcodesService,
    private readonly residents: SubscriberImportService,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoSeed) return;
    if ((await this.organisation.listServices()).length > 0) return;
    await this.uow.run(() => this.seed());
    await this.residents.import(
      'system',
      DEMO_RESIDENTS.map((resident) => ({
        ...resident,
        consent: {
          source: 'demo',
          capturedAt: new Date().toISOString(),
          evidence: 'Fictional residents of the demo council',
        },
      })),
    );
    this.logger.log('Seeded the demo council "Example Borough Council"');
  }

  private async seed(): Promise<void> {
    const council = EXAMPLE_COUNCIL;
    const serviceIds = new Map<string, string>();
    for (const name of council.services) {
      serviceIds.set(name, (await this.organisation.createService('system', name)).id);
    }
    for (const area of council.areas)
      await this.audience.create(SYSTEM, 'area', area.code, area.name);
    await this.postcodes.addMappings(SYSTEM, council.postcodes.map(demoPostcodeMapping));
    for (const topic of council.topics)
      await this.audience.create(SYSTEM, 'topic', topic.code, topic.name);
    await this.channels.create('system', { kind: 'corporate', ...council.corporateChannel });
    const { service, ...youth } = council.youthChannel;
    await this.channels.create('system', {
      kind: 'service',
      serviceId: serviceIds.get(service),
      ...youth,
    });
    for (const person of council.staff) {
      const ids = person.services
        .map((name) => serviceIds.get(name))
        .filter((id) => id !== undefined);
      await this.organisation.createStaff('system', {
        email: person.email,
        name: person.name,
        roles: person.roles,
        serviceIds: ids,
      });
    }
  }
}
