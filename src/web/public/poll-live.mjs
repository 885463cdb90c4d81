// Keeps a snap poll's results page up to date while the poll is open: every few seconds it asks
// /console/messages/:id/poll.json (the same figures the page was drawn from) and updates the
// counts, shares, bars and the table by area in place. Screen reader users hear the totals when
// they change (an aria-live region), not on every poll. Without it, the page has a "Refresh the
// results" link. A file, not an inline script, so the CSP needs no exception; the asking, retrying
// and stopping are live-json.mjs's.
// A browser script; the project's ESLint config knows Node's globals only.

// Loaded with this script's own ?v=, so a deploy never pairs it with a stale cached copy.
const { announce, followLiveJson, setText } = await import(
  `./live-json.mjs${new URL(import.meta.url).search}`
);

function start(root) {
  let lastSummary = null;
  followLiveJson(root, (model) => {
    const before = document.querySelector('[data-live-answers]')?.textContent;
    update(model);
    if (model.closed) announce(`The poll has closed. ${model.summary}`);
    else if (before !== model.answersText && model.summary !== lastSummary) announce(model.summary);
    lastSummary = model.summary;
    return model.pollAfterSeconds;
  });
}

function update(model) {
  const tag = document.querySelector('[data-live-status] .govuk-tag');
  if (tag) {
    tag.textContent = model.statusTag.text;
    tag.className = `govuk-tag ${model.statusTag.classes}`;
  }
  setText('[data-live-status-text]', model.statusText);
  const final = document.querySelector('[data-live-final]');
  if (final) {
    final.textContent = model.finalText ?? '';
    final.hidden = !model.finalText;
  }
  setText('[data-live-answers]', model.answersText);
  setText('[data-live-updated]', model.updatedText);
  for (const option of model.options) {
    setText(`[data-option-answers="${option.index}"]`, String(option.answers));
    setText(`[data-option-share="${option.index}"]`, option.shareText);
    const bar = document.querySelector(`[data-option-bar="${option.index}"]`);
    if (bar) {
      bar.value = option.percent;
      bar.textContent = option.shareText;
    }
  }
  const body = document.querySelector('[data-live-areas]');
  if (body) {
    body.replaceChildren(
      ...model.areas.map((area) => {
        const row = document.createElement('tr');
        row.className = 'govuk-table__row';
        const name = document.createElement('th');
        name.scope = 'row';
        name.className = 'govuk-table__header';
        name.textContent = area.name;
        const cell = (text) => {
          const td = document.createElement('td');
          td.className = 'govuk-table__cell govuk-table__cell--numeric';
          td.textContent = text;
          return td;
        };
        row.append(
          name,
          cell(String(area.answers)),
          ...area.options.map((o) => cell(`${o.answers} (${o.shareText})`)),
        );
        return row;
      }),
    );
  }
  if (model.pollAfterSeconds === null) {
    const refresh = document.querySelector('[data-live-refresh]');
    if (refresh) refresh.hidden = true;
  }
}

// Last, so that every function above is defined before the first poll is scheduled.
const root = document.querySelector('[data-poll-live]');
if (root) start(root);
