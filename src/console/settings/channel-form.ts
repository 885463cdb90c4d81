import { governanceModel, type GovernanceModel } from '../../channels/governance-models.js';
import type { ChannelKind } from '../../channels/governance-policy.js';
import { type FormBody, type FormProblem, textField } from './forms.js';
import { NAME_MAX } from './simple-forms.js';

export interface ChannelFormValues {
  name: string;
  kind: ChannelKind | '';
  serviceId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  model: string;
}

export interface NewChannel {
  name: string;
  kind: ChannelKind;
  serviceId?: string;
  whatsapp: { phoneNumberId: string; displayPhoneNumber: string };
  model: GovernanceModel;
}

/** The add-a-channel form: its number, its kind, and the model its first policy comes from. */
export function parseChannelForm(
  body: FormBody,
  serviceIds: string[],
): { values: ChannelFormValues; channel?: NewChannel; problems: FormProblem[] } {
  const kind = textField(body, 'kind');
  const values: ChannelFormValues = {
    name: textField(body, 'name'),
    kind: kind === 'corporate' || kind === 'service' ? kind : '',
    serviceId: textField(body, 'serviceId'),
    phoneNumberId: textField(body, 'phoneNumberId'),
    displayPhoneNumber: textField(body, 'displayPhoneNumber'),
    model: textField(body, 'model'),
  };
  const problems: FormProblem[] = [];
  if (values.name === '' || values.name.length > NAME_MAX) {
    problems.push({ text: `Enter a name of up to ${NAME_MAX} characters`, href: '#name' });
  }
  if (values.kind === '') {
    problems.push({ text: 'Select what kind of channel it is', href: '#kind' });
  }
  if (values.kind === 'service' && !serviceIds.includes(values.serviceId)) {
    problems.push({ text: 'Select the service the channel belongs to', href: '#serviceId' });
  }
  if (!/^\d{5,20}$/.test(values.phoneNumberId)) {
    problems.push({
      text: 'Enter the phone number ID from WhatsApp Manager: 5 to 20 digits',
      href: '#phoneNumberId',
    });
  }
  if (!/^\+?[0-9 ()-]{6,25}$/.test(values.displayPhoneNumber)) {
    problems.push({
      text: 'Enter the phone number residents see, like +44 1632 960000',
      href: '#displayPhoneNumber',
    });
  }
  const model = governanceModel(values.model);
  if (!model) {
    problems.push({ text: 'Select the model for its first policy', href: '#model' });
  }
  if (problems.length > 0 || !model || values.kind === '') return { values, problems };
  return {
    values,
    problems,
    channel: {
      name: values.name,
      kind: values.kind,
      ...(values.kind === 'service' ? { serviceId: values.serviceId } : {}),
      whatsapp: {
        phoneNumberId: values.phoneNumberId,
        displayPhoneNumber: values.displayPhoneNumber,
      },
      model,
    },
  };
}
