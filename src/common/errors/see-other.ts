/**
 * A 303 to another page: after a form is handled (Post/Redirect/Get), or to sign in. Nest sets a
 * route's fixed status after its interceptors run, so a redirect decided at run time is thrown
 * and answered by the error filter, the one place that already writes the response itself.
 */
export class SeeOther extends Error {
  constructor(readonly location: string) {
    super(`See ${location}`);
    this.name = 'SeeOther';
  }
}
