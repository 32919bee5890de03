// The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no
// external asset of any kind. Pure string building over the report model (no DOM), so it runs in
// the main process, a worker or the renderer alike, and the JSON report alone regenerates it.
//
// Tables name their columns the way the export screen reads them ("n" for counts, "Percent …"
// for shares), and long text stays out of table cells (prose is not mistaken for data).

import type { CellStatus } from '../disclosure';
import { answerLines } from './answer-view';
import { SECTION_TITLES } from './answers';
import { EVIDENCE_LABELS, STATUS_LABELS, countText, escapeHtml as e, figureText, groupDigits, isSuppressed, policyParameterLines, referenceSource } from './format';
import { REPORT_CSS } from './html-style';
import type { CrossTableBlock, GroupRateBlock, MissingnessBlock, RepresentationBlock, StandardsReport } from './model';

export function renderHtml(report: StandardsReport): string {
  const marker = report.policy.parameters.marker;
  const sections: { id: string; title: string; html: string }[] = [];
  sections.push({ id: 'summary', title: 'Summary', html: summary(report) });
  sections.push({ id: 'flags', title: 'Flags to review', html: flags(report) });
  sections.push({ id: 'completeness', title: 'Completeness of the documentation', html: completeness(report) });
  if (report.representation.length > 0)
    sections.push({ id: 'representation', title: 'Representation', html: report.representation.map((b) => representation(b, marker)).join('\n') });
  if (report.intersections.length > 0) sections.push({ id: 'intersections', title: 'Intersections', html: report.intersections.map((b) => crossTable(b, marker)).join('\n') });
  if (report.missingness.length > 0) sections.push({ id: 'missingness', title: 'Missing data by group', html: report.missingness.map((b) => heatTable(b, marker)).join('\n') });
  if (report.outcomes.length > 0) sections.push({ id: 'outcomes', title: 'Outcomes by group', html: report.outcomes.map((b) => rateTable(b, marker)).join('\n') });
  if (report.periods.length > 0) sections.push({ id: 'periods', title: 'Changes over time', html: report.periods.map((b) => crossTable(b, marker)).join('\n') });
  if (report.sites.length > 0) sections.push({ id: 'sites', title: 'Sources and sites', html: report.sites.map((b) => crossTable(b, marker)).join('\n') });
  sections.push({ id: 'documentation', title: 'Documentation by item', html: documentation(report) });
  sections.push({ id: 'methods', title: 'Methods', html: methods(report) });
  sections.push({ id: 'disclosure', title: 'Disclosure control', html: disclosure(report) });

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Represent ${e(report.app.version)}">
<title>${e(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="header" role="banner"><div class="width"><p>Represent: dataset standards report</p></div></header>
<div class="width">
<main id="main">
<h1>${e(report.title)}</h1>
<p class="lede">Documentation of <strong>${e(report.dataset.fileName)}</strong> against the STANDING Together recommendations, with disclosure-checked figures only.</p>
<nav class="contents" aria-label="Contents"><h2 id="contents-heading">Contents</h2><ol>
${sections.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`).join('\n')}
</ol></nav>
${sections.map((s) => `<section aria-labelledby="${s.id}-heading">\n<h2 id="${s.id}-heading"><a id="${s.id}"></a>${e(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
</main>
</div>
<footer class="footer" role="contentinfo"><div class="width"><p>Made by ${e(report.app.name)} ${e(report.app.version)}. Catalogue ${e(report.catalogue.version)}. Policy: ${e(report.policy.name)}. Report format ${report.formatVersion}.</p></div></footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------

function summary(r: StandardsReport): string {
  const counts = { complete: 0, partial: 0, 'not-available': 0, missing: 0 };
  for (const c of r.completeness) counts[c.status]++;
  return `<dl class="summary panel">
<dt>Dataset file</dt><dd>${e(r.dataset.fileName)}</dd>
<dt>File size</dt><dd>${groupDigits(r.dataset.byteLength)} bytes</dd>
<dt>File last modified</dt><dd>${e(r.dataset.modifiedIso)}</dd>
<dt>SHA-256 fingerprint</dt><dd><code>${e(r.dataset.sha256)}</code></dd>
<dt>Report made</dt><dd>${e(r.createdAt)}</dd>
<dt>Disclosure policy</dt><dd>${e(r.policy.name)} (${e(r.policy.id)})</dd>
<dt>Disclosure check</dt><dd>${e(outcomeWords(r.disclosure.outcome))}</dd>
<dt>Documentation</dt><dd>${r.completeness.length} items: ${counts.complete} complete, ${counts.partial} partial, ${counts['not-available']} not available, ${counts.missing} missing</dd>
<dt>Flags</dt><dd>${r.flags.length === 0 ? 'None' : `${r.flags.length} to review`}</dd>
</dl>
<div class="panel panel--warning"><p><strong>About these recommendations.</strong> STANDING Together is meant to prompt inquiry, not to be used as a checklist. Item topics here are paraphrased; ${e(r.catalogue.caveats[1] ?? '')}</p></div>`;
}

function outcomeWords(o: string): string {
  return o === 'pass' ? 'Every table passes the policy.' : o === 'review' ? 'Some tables need an output checker’s review (see the flags).' : 'Some tables fail the policy (see the flags).';
}

function flags(r: StandardsReport): string {
  if (r.flags.length === 0) return '<p>No flags: no group stands out against the reference, and no missingness or outcome gap reaches the flagging limits (see Methods).</p>';
  return `<p>Candidate limitations, computed from the published figures, for a person to confirm or dismiss (item 1.3a).</p>
<ul>
${r.flags.map((f) => `<li id="${e(f.id)}">${e(f.text)} <span class="hint">(Items ${e(f.itemIds.join(', '))})</span></li>`).join('\n')}
</ul>`;
}

function completeness(r: StandardsReport): string {
  const row = (id: string) => {
    const item = r.items.find((i) => i.id === id)!;
    const c = r.completeness.find((x) => x.itemId === id)!;
    return `<tr><th scope="row"><a href="#item-${e(slugId(id))}">${e(id)}</a></th><td>${e(item.title)}</td><td>${e(EVIDENCE_LABELS[item.evidence])}</td><td><span class="tag tag--${c.status}">${e(STATUS_LABELS[c.status])}</span></td></tr>`;
  };
  const table = (part: 'documentation' | 'use', caption: string) => `<table>
<caption>${e(caption)}</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Topic</th><th scope="col">Evidence</th><th scope="col">Status</th></tr></thead>
<tbody>
${r.items.filter((i) => i.part === part).map((i) => row(i.id)).join('\n')}
</tbody></table>`;
  return `<p>Complete: every question answered or stated as not available with a reason, with the automatic evidence the item calls for. Partial: some of that. Not available: stated as not available, with reasons. Missing: nothing yet.</p>
${table('documentation', 'Part 1: documentation of the dataset (18 items)')}
${table('use', 'Part 2: use of the dataset (11 items; item IDs are placeholders, see caveats)')}`;
}

function slugId(id: string): string {
  return id.replace(/[^A-Za-z0-9]+/g, '-');
}

// ---------------------------------------------------------------------------------------------
// Representation: a bar chart with intervals and reference markers, then the table.

function representation(b: RepresentationBlock, marker: string): string {
  const hasRef = b.reference !== null;
  const head = `<tr><th scope="col">Group</th><th scope="col" class="num">n</th><th scope="col" class="num">Percent of all</th>${
    hasRef ? '<th scope="col" class="num">Percent of recorded</th><th scope="col" class="num">95% interval (percent)</th><th scope="col" class="num">Reference percent</th><th scope="col" class="num">Ratio to reference</th>' : '<th scope="col" class="num">95% interval (percent)</th>'
  }</tr>`;
  const cell = (text: string, suppressed: boolean) => `<td class="num${suppressed ? ' suppressed' : ''}">${e(text)}</td>`;
  const rows = b.rows.map((row) => {
    const sup = row.n === null;
    const interval = row.intervalLow === null || row.intervalHigh === null ? (sup ? marker : '—') : `${row.intervalLow.toFixed(1)} to ${row.intervalHigh.toFixed(1)}`;
    const derived = (v: number | null, d: number) => (v === null ? (sup ? marker : '—') : v.toFixed(d));
    return `<tr><th scope="row">${e(row.category)}</th>${cell(countText(row.n, marker), sup)}${cell(derived(row.percentOfAll, 1), sup)}${
      hasRef
        ? `${cell(derived(row.percentOfRecorded, 1), sup)}${cell(interval, sup)}${cell(row.referencePercent === null ? (sup ? 'not compared' : '—') : row.referencePercent.toFixed(1), false)}${cell(derived(row.ratio, 2), sup)}`
        : cell(interval, sup)
    }</tr>`;
  });
  const total = `<tr><th scope="row">Total</th>${cell(countText(b.total, marker), b.total === null)}${cell(b.total === null ? marker : '100.0', b.total === null)}${hasRef ? '<td></td><td></td><td></td><td></td>' : '<td></td>'}</tr>`;
  const ref = b.reference
    ? `<p class="hint">Reference: ${referenceHtml(b.reference)}. Percent of recorded is a share of ${e(b.recordedDenominator ?? '')}.${b.reference.derivation ? ` ${e(b.reference.derivation)}` : ''}</p>${
        b.reference.caveats.length > 0 ? `<details><summary>Reference caveats</summary><ul>${b.reference.caveats.map((c) => `<li>${e(c)}</li>`).join('')}</ul></details>` : ''
      }`
    : '<p class="hint">No reference population was chosen for this attribute.</p>';
  const only =
    b.referenceOnly.length > 0
      ? `<p>Reference categories with no matching category in the data: ${b.referenceOnly.map((r) => `${e(r.category)} (${r.referencePercent.toFixed(1)}% of the reference)`).join('; ')}.</p>`
      : '';
  return `<h3 id="${e(b.id)}">${e(b.title)}</h3>
${representationChart(b, marker)}
<table>
<caption>${e(b.title)}: published counts and shares</caption>
<thead>${head}</thead>
<tbody>
${rows.join('\n')}
${total}
</tbody></table>
${only}
${ref}`;
}

function referenceHtml(ref: NonNullable<RepresentationBlock['reference']>): string {
  const source = referenceSource(ref);
  return `${e(source.text)}${source.url ? `, <a href="${e(source.url)}">${e(source.url)}</a>` : ''}`;
}

function representationChart(b: RepresentationBlock, marker: string): string {
  const rowH = 30;
  const labelW = 220;
  const plotW = 400;
  const valueW = 140;
  const width = labelW + plotW + valueW;
  const rows = b.rows;
  const height = rows.length * rowH + 40;
  const share = (r: (typeof rows)[number]) => (b.reference ? r.percentOfRecorded : r.percentOfAll);
  let max = 0;
  for (const r of rows) max = Math.max(max, share(r) ?? 0, r.intervalHigh ?? 0, r.referencePercent ?? 0);
  for (const r of b.referenceOnly) max = Math.max(max, r.referencePercent);
  max = Math.max(5, Math.ceil(max / 10) * 10);
  const x = (p: number) => labelW + (p / max) * plotW;
  const titleId = `${b.id}-chart-title`;
  const descId = `${b.id}-chart-desc`;
  const parts: string[] = [];
  // Grid lines and axis labels.
  for (let t = 0; t <= max; t += max / 5) {
    parts.push(`<line x1="${x(t).toFixed(1)}" y1="8" x2="${x(t).toFixed(1)}" y2="${height - 24}" stroke="#d8dde0"/>`);
    parts.push(`<text x="${x(t).toFixed(1)}" y="${height - 8}" font-size="12" text-anchor="middle" fill="#4c6272">${t.toFixed(0)}%</text>`);
  }
  rows.forEach((r, i) => {
    const y = 12 + i * rowH;
    const s = share(r);
    parts.push(`<text x="${labelW - 8}" y="${y + 15}" font-size="13" text-anchor="end" fill="#212b32">${e(truncate(r.category, 30))}</text>`);
    if (s !== null) {
      parts.push(`<rect x="${labelW}" y="${y + 4}" width="${Math.max(1, x(s) - labelW).toFixed(1)}" height="16" fill="#005eb8"/>`);
      if (r.intervalLow !== null && r.intervalHigh !== null)
        parts.push(`<line x1="${x(r.intervalLow).toFixed(1)}" y1="${y + 12}" x2="${x(r.intervalHigh).toFixed(1)}" y2="${y + 12}" stroke="#212b32" stroke-width="2"/><line x1="${x(r.intervalLow).toFixed(1)}" y1="${y + 6}" x2="${x(r.intervalLow).toFixed(1)}" y2="${y + 18}" stroke="#212b32" stroke-width="2"/><line x1="${x(r.intervalHigh).toFixed(1)}" y1="${y + 6}" x2="${x(r.intervalHigh).toFixed(1)}" y2="${y + 18}" stroke="#212b32" stroke-width="2"/>`);
      parts.push(`<text x="${labelW + plotW + 8}" y="${y + 15}" font-size="13" fill="#212b32">${s.toFixed(1)}%</text>`);
    } else parts.push(`<text x="${labelW + 4}" y="${y + 15}" font-size="13" font-style="italic" fill="#4c6272">${e(r.n === null ? marker : 'not compared')}</text>`);
    if (r.referencePercent !== null) {
      const rx = x(r.referencePercent);
      parts.push(`<path d="M${rx.toFixed(1)} ${y + 2} l6 10 l-6 10 l-6 -10 z" fill="#ffb81c" stroke="#212b32" stroke-width="1"/>`);
    }
  });
  const desc = b.reference
    ? `Bars show each group's percent of people with a recorded category, lines its 95% interval, and diamonds the ${b.reference.name} share. The table below gives the same figures.`
    : 'Bars show each group’s percent of all records and lines its 95% interval. The table below gives the same figures.';
  return `<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" focusable="false">
<title id="${titleId}">${e(b.title)}</title>
<desc id="${descId}">${e(desc)}</desc>
${parts.join('\n')}
</svg>
<figcaption class="legend">${e(desc)}${b.reference ? ' Diamond: reference share.' : ''}</figcaption>
</figure>`;
}

function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}

// ---------------------------------------------------------------------------------------------

function crossTable(b: CrossTableBlock, marker: string): string {
  const statusCell = (value: number | null, status: CellStatus) =>
    `<td class="num${isSuppressed(status) ? ' suppressed' : ''}">${e(countText(value, marker))}</td>`;
  const find = (coords: (string | null)[]) => b.cells.find((c) => c.coords.length === coords.length && c.coords.every((x, i) => x === coords[i]));
  if (b.dimensions.length === 2) {
    const [rows, cols] = b.dimensions as [CrossTableBlock['dimensions'][number], CrossTableBlock['dimensions'][number]];
    const colKeys: (string | null)[] = [...cols.categories, ...(b.hasMargins ? [null] : [])];
    const rowKeys: (string | null)[] = [...rows.categories, ...(b.hasMargins ? [null] : [])];
    const body = rowKeys.map((rk) => {
      const cells = colKeys.map((ck) => {
        const c = find([rk, ck]);
        return c ? statusCell(c.value, c.status) : '<td></td>';
      });
      return `<tr><th scope="row">${e(rk ?? 'Total')}</th>${cells.join('')}</tr>`;
    });
    return `<table>
<caption>${e(b.title)} (counts; rows: ${e(rows.name)}, columns: ${e(cols.name)})</caption>
<thead><tr><th scope="col">${e(rows.name)}</th>${colKeys.map((k) => `<th scope="col" class="num">${e(k ?? 'Total')}</th>`).join('')}</tr></thead>
<tbody>
${body.join('\n')}
</tbody></table>`;
  }
  // One or three dimensions: one row per cell.
  return `<table>
<caption>${e(b.title)} (counts)</caption>
<thead><tr>${b.dimensions.map((d) => `<th scope="col">${e(d.name)}</th>`).join('')}<th scope="col" class="num">n</th></tr></thead>
<tbody>
${b.cells.map((c) => `<tr>${c.coords.map((x) => `<td>${e(x ?? 'Total')}</td>`).join('')}${statusCell(c.value, c.status)}</tr>`).join('\n')}
</tbody></table>`;
}

function heatClass(p: number | null): string {
  if (p === null) return '';
  if (p < 5) return 'heat-0';
  if (p < 10) return 'heat-1';
  if (p < 20) return 'heat-2';
  if (p < 40) return 'heat-3';
  return 'heat-4';
}

function heatTable(m: MissingnessBlock, marker: string): string {
  const cellFor = (g: string, b: GroupRateBlock) => {
    const r = b.rows.find((x) => x.group.join(' / ') === g);
    if (!r) return '<td></td>';
    return r.percent === null ? `<td class="num suppressed">${e(marker)}</td>` : `<td class="num ${heatClass(r.percent)}">${r.percent.toFixed(1)}</td>`;
  };
  // The longer list runs down the page, so wide files (many variables) stay readable.
  const byVariable = m.variables.length > m.groups.length;
  const head = byVariable
    ? `<tr><th scope="col">Variable</th>${m.groups.map((g) => `<th scope="col" class="num">${e(g)} percent missing</th>`).join('')}</tr>`
    : `<tr><th scope="col">${e(m.attribute)}</th>${m.variables.map((v) => `<th scope="col" class="num">${e(v)} percent missing</th>`).join('')}</tr>`;
  const rows = byVariable
    ? m.blocks.map((b) => `<tr><th scope="row">${e(b.variable)}</th>${m.groups.map((g) => cellFor(g, b)).join('')}</tr>`)
    : m.groups.map((g) => `<tr><th scope="row">${e(g)}</th>${m.blocks.map((b) => cellFor(g, b)).join('')}</tr>`);
  const caption = `Percent of people in each ${m.attribute} group with no value, ${byVariable ? 'one row per variable' : 'one column per variable'}`;
  return `<h3 id="${e(m.id)}">Missing values by ${e(m.attribute)}</h3>
<div class="table-scroll" role="region" aria-label="${e(caption)}" tabindex="0">
<table>
<caption>${e(caption)}. Darker cells have more missing values; every cell also shows its value.</caption>
<thead>${head}</thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</div>
<p class="legend">Shading: under 5%, 5 to 10%, 10 to 20%, 20 to 40%, 40% or more.</p>
<details><summary>Counts behind each cell (${m.blocks.length} table${m.blocks.length > 1 ? 's' : ''})</summary>
${m.blocks.map((b) => rateTable(b, marker)).join('\n')}
</details>`;
}

function rateTable(b: GroupRateBlock, marker: string): string {
  const mid = b.countMethod === 'midpoint6';
  const cnt = (v: number | null, s: CellStatus) => `<td class="num${isSuppressed(s) ? ' suppressed' : ''}">${e(countText(v, marker))}</td>`;
  return `<table>
<caption>${e(b.title)}</caption>
<thead><tr>${b.dimensions.map((d) => `<th scope="col">${e(d)}</th>`).join('')}<th scope="col" class="num">${mid ? 'n midpoint6' : 'n'}</th><th scope="col" class="num">${mid ? 'Events midpoint6' : 'Events'}</th><th scope="col" class="num">Percent</th></tr></thead>
<tbody>
${b.rows
  .map(
    (r) =>
      `<tr>${r.group.map((g) => `<td>${e(g)}</td>`).join('')}${cnt(r.n, r.nStatus)}${cnt(r.events, r.eventsStatus)}<td class="num${r.percent === null ? ' suppressed' : ''}">${e(figureText(r.percent, 1, marker))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------

function documentation(r: StandardsReport): string {
  const out: string[] = [];
  let section = '';
  for (const item of r.items) {
    if (item.section !== section) {
      section = item.section;
      out.push(`<h3>${e(item.part === 'use' ? 'Part 2' : `Part 1, ${item.section}`)}: ${e(item.sectionTitle)}</h3>`);
    }
    const c = r.completeness.find((x) => x.itemId === item.id)!;
    const lines = item.answerFields.flatMap((f) => answerLines(r.answers, f));
    const note = r.answers.itemNotes?.[item.id];
    const idNote =
      item.idConfidence === 'medium'
        ? 'ID of medium confidence'
        : item.publishedId
          ? `placeholder ID; the draft numbered it ${item.publishedId}; low confidence`
          : 'placeholder ID; published ID not known';
    out.push(`<div class="item" id="item-${e(slugId(item.id))}">
<h4>${e(item.id)} ${e(item.title)} <span class="tag tag--${c.status}">${e(STATUS_LABELS[c.status])}</span></h4>
<p>${e(item.topic)} <span class="hint">(${e(idNote)}; evidence: ${e(EVIDENCE_LABELS[item.evidence].toLowerCase())}.)</span></p>
<p class="hint">${e(c.explanation)}</p>
<dl class="answer">
${lines.map((l) => `<dt>${e(l.label)}</dt><dd${l.kind === 'missing' ? ' class="missing"' : ''}>${e(l.text)}</dd>`).join('\n')}
${note ? `<dt>Note</dt><dd>${e(note)}</dd>` : ''}
</dl>
${item.analysisOutputs.length > 0 ? `<p class="hint">Automatic evidence: ${item.analysisOutputs.map((o) => e(outputWords(o))).join(', ')}.</p>` : ''}
</div>`);
  }
  return `<p>Answers as written by the dataset’s curator (${e(SECTION_TITLES.provenance.toLowerCase())}, ${e(SECTION_TITLES.collection.toLowerCase())}, and so on), grouped by item.</p>\n${out.join('\n')}`;
}

function outputWords(o: string): string {
  const words: Record<string, string> = {
    'dataset-identity': 'file fingerprint',
    overview: 'overview figures',
    sites: 'composition by source or site',
    periods: 'composition over time',
    representation: 'representation against the reference',
    intersections: 'intersection tables',
    missingness: 'missing data by group',
    outcomes: 'outcomes by group',
    flags: 'flags',
  };
  return words[o] ?? o;
}

function methods(r: StandardsReport): string {
  return r.methods.map((m) => `<h3>${e(m.title)}</h3>\n<p>${e(m.text)}</p>`).join('\n');
}

function disclosure(r: StandardsReport): string {
  const p = r.policy.parameters;
  const params = policyParameterLines(p);
  return `${r.policy.description ? `<p>${e(r.policy.description)}</p>` : ''}
<dl class="summary panel">
${params.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('\n')}
</dl>
<h3>Evidence for each table</h3>
<ul>
${r.evidence
  .map(
    (ev) =>
      `<li><strong>${e(ev.title)}</strong>: ${e(ev.outcome)}; ${ev.summary.shown + ev.summary.rounded} cells published, ${ev.summary.suppressedPrimary + ev.summary.suppressedSecondary} hidden${ev.mitigations.length > 0 ? ` (${e(ev.mitigations.join(', '))})` : ''}. ${e(ev.reasons.join(' '))}</li>`,
  )
  .join('\n')}
</ul>
<p class="hint">The full rule-by-rule evidence for every cell is in the JSON report.</p>`;
}
