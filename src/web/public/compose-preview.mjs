// The compose page's live preview and audience count. The page works without it: the server
// renders both from the form's values, and "Check audience" refreshes them. This keeps them
// up to date as the officer types and ticks. A file, not an inline script: the CSP allows no other.
// The preview text follows src/console/messages/whatsapp-preview.ts: keep the two alike.
// A browser script; the project's ESLint config knows Node's globals only.

const form = document.querySelector('[data-compose-form]');
const preview = document.querySelector('#compose-preview');
const reachBox = document.querySelector('[data-audience-reach]');

const valueOf = (name) => form.querySelector(`[name="${name}"]`)?.value ?? '';
const checked = (name) =>
  [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);

// As src/messages/domain/poll-definition.ts: three reply buttons at most, then a list.
const MAX_REPLY_BUTTONS = 3;
const LIST_BUTTON_TEXT = 'Choose an answer';

/** The poll's options under the bubble, as previewPoll() in whatsapp-preview.ts shows them. */
function updatePoll(kind) {
  const box = preview.querySelector('[data-preview-poll]');
  if (!box) return;
  const options = valueOf('pollOptions')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  box.hidden = options.length === 0;
  const paragraph = (className, text) => {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  };
  if (options.length === 0) {
    box.replaceChildren();
  } else if (kind === 'text' && options.length > MAX_REPLY_BUTTONS) {
    const button = paragraph('crier-whatsapp__button', LIST_BUTTON_TEXT);
    button.dataset.previewPollList = '';
    box.replaceChildren(
      button,
      paragraph('crier-whatsapp__list-note', `Options in the list: ${options.join(', ')}`),
    );
  } else {
    const list = document.createElement('ul');
    list.className = 'crier-whatsapp__buttons';
    list.setAttribute('aria-label', 'Poll options');
    list.append(
      ...options.map((option) => {
        const item = document.createElement('li');
        item.className = 'crier-whatsapp__button';
        item.textContent = option;
        return item;
      }),
    );
    box.replaceChildren(list);
  }
}

function updatePreview() {
  const kind = checked('kind')[0] ?? 'template';
  const text =
    kind === 'text'
      ? valueOf('body')
      : [...form.querySelectorAll('[name="parameters"]')]
          .map((field) => field.value)
          .filter((part) => part.trim() !== '')
          .join('\n\n');
  const textElement = preview.querySelector('[data-preview-text]');
  const empty = text.trim() === '';
  textElement.textContent = empty ? 'Your message will appear here.' : text;
  textElement.classList.toggle('crier-whatsapp__text--empty', empty);
  preview.querySelector('[data-preview-meta]').textContent =
    kind === 'text'
      ? 'Text message'
      : `Template ${valueOf('templateName')} (${valueOf('language')})`;
  const channel = form.querySelector('[name="channelId"]');
  const sender = channel?.selectedOptions[0]?.textContent?.trim();
  if (sender) preview.querySelector('[data-preview-sender]').textContent = sender;
  updatePoll(kind);
}

/** Replaces the reach box's contents, built with text nodes only. */
function showReach(reach) {
  const paragraph = (...parts) => {
    const p = document.createElement('p');
    p.className = 'govuk-body govuk-!-margin-bottom-1';
    p.append(...parts);
    return p;
  };
  if (!reach) {
    reachBox.replaceChildren(
      paragraph('Choose at least one area and one topic to see how many residents it will reach.'),
    );
    return;
  }
  const strong = document.createElement('strong');
  strong.dataset.reachResidents = '';
  strong.textContent = reach.residentsText;
  const cost = document.createElement('span');
  cost.dataset.reachCost = '';
  cost.textContent = reach.costText;
  reachBox.replaceChildren(
    paragraph('It will reach ', strong, ' now.'),
    paragraph('Estimated cost: ', cost),
  );
}

/** Shows only the fields of the chosen kind and priority; without JavaScript all are shown. */
function showChosen() {
  for (const group of form.querySelectorAll('[data-show-when]')) {
    const [name, value] = group.dataset.showWhen.split('=');
    group.hidden = !checked(name).includes(value);
  }
}

let pending;
let timer;
function updateReach() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    pending?.abort();
    pending = new AbortController();
    const query = new URLSearchParams({
      areas: checked('areas').join(','),
      topics: checked('topics').join(','),
    });
    try {
      const response = await fetch(`/console/audience/reach?${query}`, {
        signal: pending.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) return;
      showReach((await response.json()).reach);
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  }, 250);
}

/** The fields that decide whether quiet hours would hold the message. */
const QUIET_HOURS_FIELDS = [
  'channelId',
  'priority',
  'sendAt-day',
  'sendAt-month',
  'sendAt-year',
  'sendAt-time',
];

/** A GOV.UK warning text, as the page draws it. */
function warningText(text) {
  const box = document.createElement('div');
  box.className = 'govuk-warning-text';
  const icon = document.createElement('span');
  icon.className = 'govuk-warning-text__icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '!';
  const words = document.createElement('strong');
  words.className = 'govuk-warning-text__text';
  const hidden = document.createElement('span');
  hidden.className = 'govuk-visually-hidden';
  hidden.textContent = 'Warning';
  words.append(hidden, text);
  box.append(icon, words);
  return box;
}

let quietPending;
let quietTimer;
/** Asks whether quiet hours would hold the message as the form now stands, and says so. */
function updateQuietHours() {
  const region = document.querySelector('[data-quiet-hours]');
  if (!region) return;
  clearTimeout(quietTimer);
  quietTimer = setTimeout(async () => {
    quietPending?.abort();
    quietPending = new AbortController();
    const query = new URLSearchParams();
    for (const name of QUIET_HOURS_FIELDS) {
      const field = form.elements.namedItem(name);
      const value = name === 'priority' ? checked('priority')[0] : field?.value;
      if (value) query.set(name, value);
    }
    try {
      const response = await fetch(`/console/compose/quiet-hours?${query}`, {
        signal: quietPending.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return;
      const { warning } = await response.json();
      region.replaceChildren(...(warning ? [warningText(warning)] : []));
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  }, 300);
}

if (form && preview) {
  form.addEventListener('input', (event) => {
    const name = event.target.name;
    if (name === 'areas' || name === 'topics') updateReach();
    else updatePreview();
    if (QUIET_HOURS_FIELDS.includes(name)) updateQuietHours();
  });
  form.addEventListener('change', (event) => {
    const name = event.target.name;
    if (name === 'areas' || name === 'topics') updateReach();
    else {
      showChosen();
      updatePreview();
    }
    if (QUIET_HOURS_FIELDS.includes(name)) updateQuietHours();
  });
  showChosen();
  updatePreview();
}
