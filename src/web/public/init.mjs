// Starts govuk-frontend's components (the service navigation's menu button, for instance).
// A file rather than an inline script, so the Content-Security-Policy needs no exception for it.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
