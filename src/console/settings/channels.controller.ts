import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsolePage, CurrentActor } from '../../auth/access.decorators.js';
import { ChannelsService } from '../../channels/channels.service.js';
import type { ChannelView } from '../../channels/dto/channel.dto.js';
import { GOVERNANCE_MODELS, governanceModel } from '../../channels/governance-models.js';
import { CrierError } from '../../common/errors/crier-error.js';
import { UuidParam } from '../../common/http/uuid-param.pipe.js';
import type { Actor } from '../../organisation/actor.js';
import type { StaffView } from '../../organisation/dto/staff.dto.js';
import { OrganisationService } from '../../organisation/organisation.service.js';
import { page, type Page, SeeOther } from '../../web/page.js';
import { type ChannelFormValues, parseChannelForm } from './channel-form.js';
import {
  errorsByField,
  expectedRefusal,
  type FormBody,
  type FormProblem,
  textField,
} from './forms.js';
import {
  describePolicy,
  parsePolicyForm,
  policyFormValues,
  type PolicyFormValues,
} from './policy-form.js';
import { parseThroughputForm } from './simple-forms.js';
import { roleName } from './staff-form.js';

/**
 * The domain's "this policy is not valid" names each problem; each gets its own line, linked to
 * the emergency path's fields when it is about them.
 */
function policyRefusals(error: unknown, href: string): FormProblem[] | undefined {
  if (!(error instanceof CrierError) || error.code !== 'INVALID_POLICY') return undefined;
  const problems = (error.details?.problems as string[] | undefined) ?? [error.message];
  return problems.map((text) => ({
    text: text.charAt(0).toUpperCase() + text.slice(1),
    href: /on-call/.test(text)
      ? '#onCallApproverIds'
      : /emergency/.test(text)
        ? '#emergencyPath'
        : href,
  }));
}

const BLANK_CHANNEL: ChannelFormValues = {
  name: '',
  kind: '',
  serviceId: '',
  phoneNumberId: '',
  displayPhoneNumber: '',
  model: '',
};

/** Channels: their numbers, governance policies, sending state and throughput. */
@Controller('console/settings/channels')
export class ChannelsPageController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly organisation: OrganisationService,
  ) {}

  @Get()
  @ConsolePage('admin')
  async list(): Promise<Page> {
    const [channels, services] = await Promise.all([
      this.channels.list(),
      this.organisation.listServices(),
    ]);
    const serviceName = new Map(services.map((service) => [service.id, service.name]));
    return page('console/settings/channels', {
      channels: channels.map((channel) => ({
        ...channel,
        serviceName: channel.serviceId ? serviceName.get(channel.serviceId) : undefined,
      })),
    });
  }

  @Get('new')
  @ConsolePage('admin')
  newChannel(): Promise<Page> {
    return this.renderNew(BLANK_CHANNEL, []);
  }

  @Post()
  @HttpCode(200)
  @ConsolePage('admin')
  async create(@CurrentActor() actor: Actor, @Body() body: FormBody): Promise<Page> {
    const services = await this.organisation.listServices();
    const { values, channel, problems } = parseChannelForm(
      body,
      services.map((service) => service.id),
    );
    if (!channel) return this.renderNew(values, problems);
    let created: ChannelView;
    try {
      const { model, ...rest } = channel;
      created = await this.channels.create(actor, { ...rest, policy: model.policy });
    } catch (error) {
      const refusals =
        policyRefusals(error, '#model') ??
        [
          expectedRefusal(error, {
            CHANNEL_NAME_TAKEN: '#name',
            PHONE_NUMBER_TAKEN: '#phoneNumberId',
            UNKNOWN_SERVICE: '#serviceId',
          }),
        ].filter((problem) => problem !== undefined);
      if (refusals.length === 0) throw error;
      return this.renderNew(values, refusals);
    }
    throw new SeeOther(`/console/settings/channels/${created.id}`);
  }

  @Get(':id')
  @ConsolePage('admin')
  async channel(
    @Param('id', UuidParam) id: string,
    @Query('changed') changed?: string,
  ): Promise<Page> {
    return this.renderChannel(await this.channels.get(id), [], undefined, changed);
  }

  @Get(':id/policy')
  @ConsolePage('admin')
  async policyForm(@Param('id', UuidParam) id: string): Promise<Page> {
    const channel = await this.channels.get(id);
    return this.renderPolicy(channel, policyFormValues(channel.policy), '', []);
  }

  @Post(':id/policy')
  @HttpCode(200)
  @ConsolePage('admin')
  async changePolicy(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: FormBody,
  ): Promise<Page> {
    const channel = await this.channels.get(id);
    const modelId = textField(body, 'model');
    if (body.action === 'use-model') {
      // Without JavaScript, choosing a model re-renders the form filled from it; nothing is saved.
      const model = governanceModel(modelId);
      if (!model) {
        const problem = { text: 'Select a model to start from', href: '#model' };
        return this.renderPolicy(channel, policyFormValues(channel.policy), '', [problem]);
      }
      return this.renderPolicy(channel, policyFormValues(model.policy), model.id, []);
    }
    const { values, policy, problems } = parsePolicyForm(body);
    if (!policy) return this.renderPolicy(channel, values, modelId, problems);
    try {
      await this.channels.replacePolicy(actor, id, policy);
    } catch (error) {
      const refusals = policyRefusals(error, '#approverRoles');
      if (!refusals) throw error;
      return this.renderPolicy(channel, values, modelId, refusals);
    }
    throw new SeeOther(`/console/settings/channels/${id}?changed=policy`);
  }

  @Post(':id/throughput')
  @HttpCode(200)
  @ConsolePage('admin')
  async changeThroughput(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() body: FormBody,
  ): Promise<Page> {
    const { text, perSecond, problems } = parseThroughputForm(body);
    if (perSecond === undefined) {
      return this.renderChannel(await this.channels.get(id), problems, text);
    }
    await this.channels.setThroughput(actor, id, perSecond);
    throw new SeeOther(`/console/settings/channels/${id}?changed=throughput`);
  }

  @Post(':id/resume-sending')
  @HttpCode(200)
  @ConsolePage('admin')
  async resumeSending(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
  ): Promise<Page> {
    try {
      await this.channels.resumeSending(actor, id);
    } catch (error) {
      const refusal = expectedRefusal(error, { CHANNEL_NOT_PAUSED: '#sending' });
      if (!refusal) throw error;
      return this.renderChannel(await this.channels.get(id), [refusal]);
    }
    throw new SeeOther(`/console/settings/channels/${id}?changed=sending`);
  }

  private async serviceNameOf(channel: ChannelView): Promise<string | undefined> {
    if (!channel.serviceId) return undefined;
    const services = await this.organisation.listServices();
    return services.find((service) => service.id === channel.serviceId)?.name;
  }

  private async renderChannel(
    channel: ChannelView,
    problems: FormProblem[],
    throughputText?: string,
    changed?: string,
  ): Promise<Page> {
    return page('console/settings/channel', {
      channel,
      changed,
      serviceName: await this.serviceNameOf(channel),
      policyRows: describePolicy(channel.policy, channel.kind).map(({ key, value }) => ({
        key: { text: key },
        value: { text: value },
      })),
      throughput: throughputText ?? String(channel.sending.throughputPerSecond),
      problems,
      errors: errorsByField(problems),
    });
  }

  private async renderPolicy(
    channel: ChannelView,
    values: PolicyFormValues,
    modelId: string,
    problems: FormProblem[],
  ): Promise<Page> {
    return page('console/settings/channel-policy', {
      channel,
      serviceName: await this.serviceNameOf(channel),
      values,
      onCallCandidates: (await this.onCallCandidates(channel)).map((person) => ({
        value: person.id,
        text: person.name,
        hint: { text: person.roles.map(roleName).join(', ') },
        checked: values.onCallApproverIds.includes(person.id),
      })),
      models: GOVERNANCE_MODELS.map((model) => ({
        value: model.id,
        text: model.name,
        hint: {
          text: model.suits.includes(channel.kind)
            ? model.description
            : `${model.description} Not allowed on a corporate channel.`,
        },
        checked: model.id === modelId,
        // Read by governance-models.mjs to fill the form at once when JavaScript is on.
        attributes: { 'data-policy': JSON.stringify(policyFormValues(model.policy)) },
      })),
      problems,
      errors: errorsByField(problems),
    });
  }

  /**
   * Who could be on call: active staff who may sign off on some channel like this one (comms
   * approvers; for a service channel, its service's managers too). The service checks the
   * chosen people against the rules saved.
   */
  private async onCallCandidates(channel: ChannelView): Promise<StaffView[]> {
    return (await this.organisation.listStaff())
      .filter(
        (person) =>
          person.active &&
          (person.roles.includes('comms_approver') ||
            (person.roles.includes('service_manager') &&
              channel.serviceId !== null &&
              person.serviceIds.includes(channel.serviceId))),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private async renderNew(values: ChannelFormValues, problems: FormProblem[]): Promise<Page> {
    return page('console/settings/channel-new', {
      values,
      services: await this.organisation.listServices(),
      models: GOVERNANCE_MODELS.map((model) => ({
        value: model.id,
        text: model.name,
        hint: { text: model.description },
        checked: model.id === values.model,
      })),
      problems,
      errors: errorsByField(problems),
    });
  }
}
