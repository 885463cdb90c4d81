import { forbidden } from '../common/errors/crier-error.js';

export const WebErrors = {
  crossSite: () =>
    forbidden(
      'CROSS_SITE_FORM',
      'This form was not sent from a Crier page. Go back to Crier, reload the page and try again.',
    ),
  csrfInvalid: () =>
    forbidden(
      'FORM_EXPIRED',
      'This form has expired or was not sent from Crier. Go back, reload the page and try again.',
    ),
};
