import { createHash } from 'node:crypto';

import { type PlanStep, type SharedPlanView, STEP_STATUSES, type SuccessMetric } from '@why-they-care/domain';
import { escapeAttribute, escapeText } from 'entities';

/**
 * The customer's page, rendered on the server: plain HTML and one inline stylesheet, no script, no
 * third-party asset, so its Content-Security-Policy can forbid everything else. Every value from
 * HubSpot is escaped.
 */
const STYLE = `
body{margin:0;background:#f5f8fa;color:#33475b;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:760px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}section h2{margin-top:0}
.sub{color:#516f90;margin:0 0 16px}
section{background:#fff;border:1px solid #cbd6e2;border-radius:6px;padding:16px;margin:12px 0}
blockquote{margin:0 0 12px;padding-left:12px;border-left:3px solid #00a4bd}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #dfe3eb}
ol{list-style:none;padding:0;margin:0}
li.step{background:#fff;border:1px solid #cbd6e2;border-radius:6px;padding:12px 16px;margin:8px 0}
li.yours{border-left:4px solid #ff7a59}
.meta{color:#516f90;font-size:13px}
.tag{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:600;background:#eaf0f6}
.tag.done{background:#e5f8f6;color:#00a38d}.tag.overdue{background:#fdedee;color:#f2545b}
form{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:8px}
input{font:inherit;padding:6px 8px;border:1px solid #cbd6e2;border-radius:4px}
button{font:inherit;padding:6px 14px;border:0;border-radius:4px;background:#ff7a59;color:#fff;cursor:pointer}
.notice{background:#e5f8f6;border:1px solid #00bda5;border-radius:6px;padding:10px 14px}
.problem{background:#fdedee;border:1px solid #f2545b;border-radius:6px;padding:10px 14px}
`;

/** The only style the page's CSP allows: this stylesheet, by its hash. */
export const SHARE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const text = (value: string) => escapeText(value);
const attribute = (value: string) => escapeAttribute(value);

const document = (title: string, body: string) =>
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${text(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;

const statusLabel = (status: PlanStep['status']) =>
  STEP_STATUSES.find((candidate) => candidate.value === status)?.label ?? status;

const metricRow = (metric: SuccessMetric) => {
  const value = (number: number | null) => (number === null ? '—' : `${number}${metric.unit ? ` ${metric.unit}` : ''}`);
  return `<tr><td>${text(metric.name)}</td><td>${text(value(metric.baseline))}</td><td>${text(value(metric.current))}</td><td>${text(value(metric.target))}</td></tr>`;
};

const stepItem = (step: PlanStep, today: string, doneAction: (stepId: string) => string) => {
  const yours = step.ownerSide === 'customer';
  const overdue = step.status !== 'done' && step.dueDate !== null && step.dueDate < today;
  const owner = `${yours ? 'Your side' : 'Our side'}${step.ownerName ? `: ${step.ownerName}` : ''}`;
  const doneBy = step.customerDone ? ` by ${step.customerDone.by} on ${step.customerDone.at.slice(0, 10)}` : '';
  const tags = [
    `<span class="tag${step.status === 'done' ? ' done' : ''}">${text(statusLabel(step.status) + (step.status === 'done' ? doneBy : ''))}</span>`,
    overdue ? '<span class="tag overdue">Overdue</span>' : '',
  ].join(' ');
  const form =
    yours && step.status !== 'done'
      ? `<form method="post" action="${attribute(doneAction(step.id))}">
<label>Your name <input name="name" required maxlength="100" autocomplete="name"></label>
<button type="submit">Mark done</button></form>`
      : '';
  return `<li class="step${yours ? ' yours' : ''}" data-step="${attribute(step.id)}">
<strong>${text(step.title)}</strong> ${tags}
<div class="meta">${text(owner)}${step.dueDate ? ` · due ${text(step.dueDate)}` : ''}</div>
${step.description ? `<p>${text(step.description)}</p>` : ''}${form}</li>`;
};

export type SharePageMessage = { kind: 'notice' | 'problem'; text: string } | null;

/** The plan: their outcome in their words, their metrics, their steps first (each with "Mark done"). */
export const renderSharedPlan = (input: {
  view: SharedPlanView;
  today: string;
  doneAction: (stepId: string) => string;
  message: SharePageMessage;
}) => {
  const { view, today, message } = input;
  const yours = view.steps.filter((step) => step.ownerSide === 'customer');
  const ours = view.steps.filter((step) => step.ownerSide !== 'customer');
  const list = (steps: PlanStep[]) =>
    steps.length
      ? `<ol>${steps.map((step) => stepItem(step, today, input.doneAction)).join('')}</ol>`
      : '<p class="meta">None yet.</p>';
  return document(
    'Our shared success plan',
    `<h1>Our shared success plan</h1>
<p class="sub">What you told us you need to achieve, how you measure it, and who does what next.</p>
${message ? `<p class="${message.kind}" role="${message.kind === 'problem' ? 'alert' : 'status'}">${text(message.text)}</p>` : ''}
<section aria-labelledby="outcome"><h2 id="outcome">Your desired outcome</h2>
<blockquote>${text(view.requiredOutcome || 'Not written down yet.')}</blockquote>
${view.appropriateExperience ? `<p><strong>How you need to get there:</strong> ${text(view.appropriateExperience)}</p>` : ''}
${
  view.metrics.length
    ? `<table><caption class="meta">Your success metrics</caption><thead><tr><th>Metric</th><th>Baseline</th><th>Now</th><th>Target</th></tr></thead><tbody>${view.metrics.map(metricRow).join('')}</tbody></table>`
    : ''
}</section>
<h2 id="your-steps">Your steps</h2>${list(yours)}
<h2 id="our-steps">Our steps</h2>${list(ours)}`,
  );
};

/** A link that cannot be honoured says so plainly, and nothing else. */
export const renderShareProblem = (title: string, explanation: string) =>
  document(title, `<h1>${text(title)}</h1><p>${text(explanation)}</p>`);
