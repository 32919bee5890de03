// The report as Markdown (GitHub-flavoured tables), from the report model only.

import { answerLines } from './answer-view';
import { EVIDENCE_LABELS, STATUS_LABELS, countText, figureText, groupDigits, referenceSource } from './format';
import type { CrossTableBlock, GroupRateBlock, RepresentationBlock, StandardsReport } from './model';

/** Escapes text for a table cell or a line of prose: pipes and line breaks would break the layout. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.map(md).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n');
}

export function renderMarkdown(r: StandardsReport): string {
  const marker = r.policy.parameters.marker;
  const out: string[] = [];
  out.push(`# ${md(r.title)}`, '');
  out.push(`Documentation of ${md(r.dataset.fileName)} against the STANDING Together recommendations, with disclosure-checked figures only.`, '');
  out.push('## Summary', '');
  out.push(`- Dataset file: ${md(r.dataset.fileName)} (${groupDigits(r.dataset.byteLength)} bytes, last modified ${md(r.dataset.modifiedIso)})`);
  out.push(`- SHA-256 fingerprint: \`${r.dataset.sha256}\``);
  out.push(`- Report made: ${md(r.createdAt)} by ${md(r.app.name)} ${md(r.app.version)}; catalogue ${md(r.catalogue.version)}`);
  out.push(`- Disclosure policy: ${md(r.policy.name)} (${md(r.policy.id)}); check outcome: ${r.disclosure.outcome}`);
  out.push('');
  out.push('STANDING Together is meant to prompt inquiry, not to be used as a checklist. Item topics are paraphrased.', '');
  for (const c of r.catalogue.caveats) out.push(`- ${md(c)}`);
  out.push('');

  out.push('## Flags to review', '');
  if (r.flags.length === 0) out.push('No flags.', '');
  else {
    for (const f of r.flags) out.push(`- ${md(f.text)} (items ${md(f.itemIds.join(', '))})`);
    out.push('');
  }

  out.push('## Completeness of the documentation', '');
  // One table per part, as in the recommendations.
  for (const [part, heading] of [['documentation', 'Part 1: documentation of the dataset'], ['use', 'Part 2: use of the dataset (item IDs are placeholders)']] as const) {
    out.push(`### ${heading}`, '');
    out.push(
      table(
        ['Item', 'Topic', 'Evidence', 'Status'],
        r.items.filter((i) => i.part === part).map((i) => {
          const c = r.completeness.find((x) => x.itemId === i.id)!;
          return [i.id, i.title, EVIDENCE_LABELS[i.evidence], STATUS_LABELS[c.status]];
        }),
      ),
      '',
    );
  }

  if (r.representation.length > 0) {
    out.push('## Representation', '');
    for (const b of r.representation) out.push(...representation(b, marker));
  }
  if (r.intersections.length > 0) {
    out.push('## Intersections', '');
    for (const b of r.intersections) out.push(...cross(b, marker));
  }
  if (r.missingness.length > 0) {
    out.push('## Missing data by group', '');
    for (const m of r.missingness) {
      out.push(`### Missing values by ${md(m.attribute)}`, '');
      out.push(
        table(
          [m.attribute, ...m.variables.map((v) => `${v} percent missing`)],
          m.groups.map((g) => [g, ...m.blocks.map((b) => figureText(b.rows.find((x) => x.group.join(' / ') === g)?.percent ?? null, 1, marker))]),
        ),
        '',
      );
      for (const b of m.blocks) out.push(...rates(b, marker));
    }
  }
  if (r.outcomes.length > 0) {
    out.push('## Outcomes by group', '');
    for (const b of r.outcomes) out.push(...rates(b, marker));
  }
  if (r.periods.length > 0) {
    out.push('## Changes over time', '');
    for (const b of r.periods) out.push(...cross(b, marker));
  }
  if (r.sites.length > 0) {
    out.push('## Sources and sites', '');
    for (const b of r.sites) out.push(...cross(b, marker));
  }

  out.push('## Documentation by item', '');
  for (const item of r.items) {
    const c = r.completeness.find((x) => x.itemId === item.id)!;
    out.push(`### ${md(item.id)} ${md(item.title)} (${STATUS_LABELS[c.status]})`, '');
    out.push(md(item.topic), '');
    out.push(`*${md(c.explanation)}*`, '');
    for (const f of item.answerFields) for (const l of answerLines(r.answers, f)) out.push(`- **${md(l.label)}:** ${md(l.text)}`);
    const note = r.answers.itemNotes?.[item.id];
    if (note) out.push(`- **Note:** ${md(note)}`);
    out.push('');
  }

  out.push('## Methods', '');
  for (const m of r.methods) out.push(`### ${md(m.title)}`, '', md(m.text), '');

  out.push('## Disclosure control', '');
  const p = r.policy.parameters;
  out.push(`- Policy: ${md(p.name)} (${md(p.id)})`);
  out.push(`- Smallest published count: ${p.threshold}; zeros ${p.zerosDisclosive ? 'not published' : 'published'}; rounding ${p.rounding.base > 1 ? `to the nearest ${p.rounding.base}` : 'none'}`);
  out.push(`- Totals: ${p.totals}; protection width ${p.protectionWidth ?? p.threshold}; marker ${md(p.marker)}`);
  out.push('');
  for (const ev of r.evidence) out.push(`- ${md(ev.title)}: ${ev.outcome}. ${md(ev.reasons.join(' '))}`);
  out.push('');
  return out.join('\n');
}

function representation(b: RepresentationBlock, marker: string): string[] {
  const hasRef = b.reference !== null;
  const header = hasRef
    ? ['Group', 'n', 'Percent of all', 'Percent of recorded', '95% interval (percent)', 'Reference percent', 'Ratio to reference']
    : ['Group', 'n', 'Percent of all', '95% interval (percent)'];
  const rows = b.rows.map((row) => {
    const sup = row.n === null;
    const d = (v: number | null, n: number) => (v === null ? (sup ? marker : '—') : v.toFixed(n));
    const interval = row.intervalLow === null || row.intervalHigh === null ? (sup ? marker : '—') : `${row.intervalLow.toFixed(1)} to ${row.intervalHigh.toFixed(1)}`;
    return hasRef
      ? [row.category, countText(row.n, marker), d(row.percentOfAll, 1), d(row.percentOfRecorded, 1), interval, row.referencePercent === null ? (sup ? 'not compared' : '—') : row.referencePercent.toFixed(1), d(row.ratio, 2)]
      : [row.category, countText(row.n, marker), d(row.percentOfAll, 1), interval];
  });
  rows.push(hasRef ? ['Total', countText(b.total, marker), b.total === null ? marker : '100.0', '', '', '', ''] : ['Total', countText(b.total, marker), b.total === null ? marker : '100.0', '']);
  const out = [`### ${md(b.title)}`, '', table(header, rows), ''];
  if (b.referenceOnly.length > 0) out.push(`Reference categories with no matching category in the data: ${b.referenceOnly.map((x) => `${md(x.category)} (${x.referencePercent.toFixed(1)}% of the reference)`).join('; ')}.`, '');
  if (b.reference) {
    const source = referenceSource(b.reference);
    out.push(`Reference: ${md(source.text)}${source.url ? `, ${source.url}` : ''}. Percent of recorded is a share of ${md(b.recordedDenominator ?? '')}.`, '');
  }
  return out;
}

function cross(b: CrossTableBlock, marker: string): string[] {
  const find = (coords: (string | null)[]) => b.cells.find((c) => c.coords.length === coords.length && c.coords.every((x, i) => x === coords[i]));
  if (b.dimensions.length === 2) {
    const [rowsDim, colsDim] = b.dimensions as [CrossTableBlock['dimensions'][number], CrossTableBlock['dimensions'][number]];
    const colKeys: (string | null)[] = [...colsDim.categories, ...(b.hasMargins ? [null] : [])];
    const rowKeys: (string | null)[] = [...rowsDim.categories, ...(b.hasMargins ? [null] : [])];
    return [
      `### ${md(b.title)}`,
      '',
      table(
        [rowsDim.name, ...colKeys.map((k) => k ?? 'Total')],
        rowKeys.map((rk) => [rk ?? 'Total', ...colKeys.map((ck) => {
          const c = find([rk, ck]);
          return c ? countText(c.value, marker) : '';
        })]),
      ),
      '',
    ];
  }
  return [`### ${md(b.title)}`, '', table([...b.dimensions.map((d) => d.name), 'n'], b.cells.map((c) => [...c.coords.map((x) => x ?? 'Total'), countText(c.value, marker)])), ''];
}

function rates(b: GroupRateBlock, marker: string): string[] {
  const mid = b.countMethod === 'midpoint6';
  return [
    `#### ${md(b.title)}`,
    '',
    table([...b.dimensions, mid ? 'n midpoint6' : 'n', mid ? 'Events midpoint6' : 'Events', 'Percent'], b.rows.map((r) => [...r.group, countText(r.n, marker), countText(r.events, marker), figureText(r.percent, 1, marker)])),
    '',
  ];
}
