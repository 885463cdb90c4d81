import type { GovernancePolicyDto } from '../channels/dto/channel.dto.js';
import type { Role } from '../organisation/role.js';

/** A fictional council for newcomers and training rooms. Numbers are Ofcom's drama range. */
export const EXAMPLE_COUNCIL = {
  services: ['Highways', 'Waste and Recycling', 'Youth Support'],
  areas: [
    { code: 'northfield', name: 'Northfield' },
    { code: 'southbank', name: 'Southbank' },
    { code: 'eastmoor', name: 'Eastmoor' },
    { code: 'westbrook', name: 'Westbrook' },
  ],
  /**
   * Postcodes in a made-up district, EB ("Example Borough"): no real postcode area starts EB, so
   * none of these reaches a real address. One outward code per area.
   */
  postcodes: [
    ...['EB1 1AA', 'EB1 1AB', 'EB1 2AD'].map((postcode) => ({ postcode, area: 'northfield' })),
    ...['EB2 1AA', 'EB2 1AB', 'EB2 3BD'].map((postcode) => ({ postcode, area: 'southbank' })),
    ...['EB3 1AA', 'EB3 1AB', 'EB3 4EF'].map((postcode) => ({ postcode, area: 'eastmoor' })),
    ...['EB4 1AA', 'EB4 1AB', 'EB4 5GH'].map((postcode) => ({ postcode, area: 'westbrook' })),
  ],
  topics: [
    { code: 'bins', name: 'Bins and recycling' },
    { code: 'roads', name: 'Roads and closures' },
    { code: 'gritting', name: 'Gritting' },
    { code: 'youth', name: 'Youth services' },
  ],
  corporateChannel: {
    name: 'Example Borough Council',
    whatsapp: { phoneNumberId: '100000000000001', displayPhoneNumber: '+44 1632 960000' },
    policy: {
      approvalsRequired: 1,
      approverRoles: ['comms_approver'],
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/London' },
      emergencyBypassesQuietHours: true,
      allowedContentKinds: ['template', 'text'],
    } satisfies GovernancePolicyDto,
  },
  youthChannel: {
    name: 'Example Borough Youth Support',
    service: 'Youth Support',
    whatsapp: { phoneNumberId: '100000000000002', displayPhoneNumber: '+44 1632 960001' },
    policy: {
      approvalsRequired: 1,
      approverRoles: ['service_manager', 'comms_approver'],
      quietHours: { start: '20:00', end: '08:00', timeZone: 'Europe/London' },
      emergencyBypassesQuietHours: false,
      allowedContentKinds: ['template', 'text'],
    } satisfies GovernancePolicyDto,
  },
  staff: [
    {
      email: 'olivia.officer@example.gov.uk',
      name: 'Olivia Officer',
      roles: ['officer'],
      services: ['Highways'],
    },
    {
      email: 'yusuf.youth@example.gov.uk',
      name: 'Yusuf Youthworker',
      roles: ['officer'],
      services: ['Youth Support'],
    },
    {
      email: 'maya.manager@example.gov.uk',
      name: 'Maya Manager',
      roles: ['service_manager'],
      services: ['Youth Support'],
    },
    {
      email: 'chris.comms@example.gov.uk',
      name: 'Chris Comms',
      roles: ['comms_approver'],
      services: [],
    },
    { email: 'ari.auditor@example.gov.uk', name: 'Ari Auditor', roles: ['auditor'], services: [] },
  ] satisfies { email: string; name: string; roles: Role[]; services: string[] }[],
};

/**
 * Fictional residents for the demo, on Ofcom's drama numbers (07700 900100 onwards, never given
 * to anyone), spread over the areas and topics so that a demo alert reaches some of them and the
 * simulator's handsets show it.
 */
export const DEMO_RESIDENTS = Array.from({ length: 16 }, (_, i) => ({
  phone: `+447700900${String(100 + i)}`,
  areas: [EXAMPLE_COUNCIL.areas[i % EXAMPLE_COUNCIL.areas.length].code],
  topics:
    i % 2 === 0
      ? ['gritting', 'roads']
      : [EXAMPLE_COUNCIL.topics[i % EXAMPLE_COUNCIL.topics.length].code],
}));
