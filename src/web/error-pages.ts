/** What an HTML error page says, by status, in the GOV.UK Design System's words. */
export interface ErrorPage {
  title: string;
  paragraphs: string[];
}

const PROBLEM: ErrorPage = {
  title: 'Sorry, there is a problem with the service',
  paragraphs: ['Try again later.', 'If it keeps happening, tell your ICT service desk.'],
};

/**
 * `message` is the error's own sentence, written for a person (CrierError messages are); it is
 * shown for the statuses where it helps them act, and never for a 500, whose details stay in the log.
 */
export function errorPage(status: number, message?: string): ErrorPage {
  const own = message ? [message] : [];
  if (status === 404) {
    return {
      title: 'Page not found',
      paragraphs: [
        'If you typed the web address, check it is correct.',
        'If you pasted the web address, check you copied the entire address.',
      ],
    };
  }
  if (status === 401 || status === 403) {
    return { title: 'You do not have access to this page', paragraphs: own };
  }
  if (status === 503) {
    return { title: 'Sorry, the service is unavailable', paragraphs: own };
  }
  if (status >= 400 && status < 500) {
    return {
      title: 'Sorry, there is a problem with what was sent',
      paragraphs: [...own, 'Go back and try again.'],
    };
  }
  return PROBLEM;
}
