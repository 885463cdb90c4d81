// Keeps a message's delivery page up to date while it sends: every few seconds it asks
// /console/messages/:id/delivery.json (the same figures the page was drawn from) and redraws the
// figures, the progress bar, the chart and the tables in place. It tells screen reader users how
// far it has got at each tenth and when it ends, not on every poll; after the end it looks for
// delivered and read receipts for a while longer. Without it, the page has a
// "Refresh the figures" link. A file, not an inline script, so the CSP needs no exception; the
// asking, retrying and stopping are live-json.mjs's.

// Loaded with this script's own ?v=, so a deploy never pairs it with a stale cached copy.
const { announce, followLiveJson, setText } = await import(
  `./live-json.mjs${new URL(import.meta.url).search}`
);

const SVG = 'http://www.w3.org/2000/svg';
/** Receipt checks after sending ends (every 15 s): ten minutes, then the Refresh link. */
const MAX_LOOKS_AFTER_END = 40;

function start(root) {
  const progress = document.getElementById('delivery-progress');
  let tenths = progress ? tenthOf(Number(progress.value), Number(progress.max)) : 0;
  // Once sending has ended the page keeps looking for receipts, but not for ever.
  let finishedAnnounced = root.dataset.finished === 'yes';
  let looksAfterEnd = 0;

  followLiveJson(root, (model) => {
    update(model);
    const now = tenthOf(model.progress.done, model.progress.total);
    if (model.finished && !finishedAnnounced) {
      announce(finalWords(model));
      finishedAnnounced = true;
    } else if (!model.finished && now > tenths) {
      announce(model.progress.text);
    }
    tenths = now;
    if (model.finished) looksAfterEnd += 1;
    return looksAfterEnd <= MAX_LOOKS_AFTER_END ? model.pollAfterSeconds : null;
  });
}

const tenthOf = (done, total) => (total > 0 ? Math.floor((done / total) * 10) : 0);

function finalWords(model) {
  const { delivery } = model;
  if (model.status === 'cancelled') {
    return `The message was cancelled. ${delivery.sent} sent, ${delivery.failed} failed, ${delivery.notSent} not sent.`;
  }
  return `Sending finished: ${delivery.sent} sent, ${delivery.failed} failed, ${delivery.notSent} not sent.`;
}

function update(model) {
  const tag = document.querySelector('[data-live-status] .govuk-tag');
  if (tag) {
    tag.textContent = model.statusTag.text;
    tag.className = `govuk-tag ${model.statusTag.classes}`;
  }
  const progress = document.getElementById('delivery-progress');
  if (progress) {
    progress.max = model.progress.total || 1;
    progress.value = model.progress.done;
    progress.textContent = `${model.progress.percent}%`;
  }
  setText('[data-live-progress-text]', model.progress.text);
  for (const figure of model.figures)
    setText(`[data-figure="${figure.key}"]`, String(figure.value));
  drawChart(model.chart);
  fillRows(
    '[data-live-funnel-rows]',
    model.funnelRows.map((row) => [
      { th: row.time },
      ...['sent', 'delivered', 'read', 'failed'].map((key) => ({ td: row[key], numeric: true })),
    ]),
  );
  fillRows(
    '[data-live-failures]',
    model.failures.map((f) => [{ td: f.code }, { td: f.meaning }, { td: f.count, numeric: true }]),
  );
  toggle('[data-live-failures-table]', model.failures.length > 0);
  toggle('[data-live-no-failures]', model.failures.length === 0);
  if (model.pollAfterSeconds === null) toggle('[data-live-refresh]', false);
  const cancel = document.querySelector('[data-live-cancel]');
  // Nothing left to cancel; but never hide the form from under someone typing in it.
  if (cancel && !model.cancellable && !cancel.contains(document.activeElement))
    cancel.hidden = true;
}

function toggle(selector, shown) {
  const element = document.querySelector(selector);
  if (element) element.hidden = !shown;
}

function fillRows(selector, rows) {
  const body = document.querySelector(selector);
  if (!body) return;
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      tr.className = 'govuk-table__row';
      for (const cell of cells) {
        const element = document.createElement(cell.th !== undefined ? 'th' : 'td');
        if (cell.th !== undefined) {
          element.scope = 'row';
          element.className = 'govuk-table__header';
        } else {
          element.className = `govuk-table__cell${cell.numeric ? ' govuk-table__cell--numeric' : ''}`;
        }
        element.textContent = String(cell.th ?? cell.td);
        tr.append(element);
      }
      return tr;
    }),
  );
}

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The same drawing as src/web/views/console/delivery/chart.njk, from the same geometry. */
function drawChart(chart) {
  const body = document.querySelector('[data-live-chart] [data-chart-body]');
  const desc = document.getElementById('funnel-chart-desc');
  if (!body) return;
  if (desc) desc.textContent = chart.summary;
  const ink = '#0b0c0c';
  const { plot } = chart;
  if (chart.empty) {
    body.replaceChildren(
      svg(
        'text',
        { x: chart.width / 2, y: chart.height / 2, 'text-anchor': 'middle', fill: ink },
        'Nothing has been sent yet',
      ),
    );
    return;
  }
  const middle = (plot.top + plot.bottom) / 2;
  body.replaceChildren(
    ...chart.yTicks.flatMap((tick) => [
      svg('line', {
        x1: plot.left,
        x2: plot.right,
        y1: tick.at,
        y2: tick.at,
        stroke: '#b1b4b6',
        'stroke-width': 1,
      }),
      svg(
        'text',
        { x: plot.left - 8, y: tick.at + 5, 'text-anchor': 'end', fill: ink },
        tick.label,
      ),
    ]),
    ...chart.xTicks.flatMap((tick) => [
      svg('line', {
        x1: tick.at,
        x2: tick.at,
        y1: plot.bottom,
        y2: plot.bottom + 6,
        stroke: ink,
        'stroke-width': 1,
      }),
      svg(
        'text',
        { x: tick.at, y: plot.bottom + 22, 'text-anchor': 'middle', fill: ink },
        tick.label,
      ),
    ]),
    svg('line', {
      x1: plot.left,
      x2: plot.right,
      y1: plot.bottom,
      y2: plot.bottom,
      stroke: ink,
      'stroke-width': 2,
    }),
    svg('line', {
      x1: plot.left,
      x2: plot.left,
      y1: plot.top,
      y2: plot.bottom,
      stroke: ink,
      'stroke-width': 2,
    }),
    svg(
      'text',
      { x: (plot.left + plot.right) / 2, y: chart.height - 6, 'text-anchor': 'middle', fill: ink },
      'Time (UK)',
    ),
    svg(
      'text',
      {
        x: 14,
        y: middle,
        'text-anchor': 'middle',
        fill: ink,
        transform: `rotate(-90 14 ${middle})`,
      },
      'People',
    ),
    ...chart.lines.map((line) =>
      svg('path', {
        d: line.d,
        fill: 'none',
        stroke: line.colour,
        'stroke-width': 3,
        'stroke-dasharray': line.dash || 'none',
        'stroke-linejoin': 'round',
      }),
    ),
  );
}

// Last, so that every const above is initialised before the first poll is scheduled.
const root = document.querySelector('[data-delivery-live]');
if (root) start(root);
