// The representation bar chart as inline SVG (the CSP allows SVG elements; no innerHTML), drawn
// from the same geometry as the exported report. The table beside it carries the same figures.
import { memo, useMemo } from 'react';
import type { RepresentationBlock } from '../../../../shared/report/model';
import { CHART, chartLayout } from '../../report/representation-chart';

export const RepresentationChart = memo(function RepresentationChart({ block, marker }: { block: RepresentationBlock; marker: string }) {
  const layout = useMemo(() => chartLayout(block, marker), [block, marker]);
  const titleId = `${block.id}-chart-title`;
  const descId = `${block.id}-chart-desc`;
  const { labelWidth, plotWidth } = CHART;
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={`${titleId} ${descId}`} focusable="false">
        <title id={titleId}>{block.title}</title>
        <desc id={descId}>{layout.description}</desc>
        {layout.ticks.map((t) => (
          <g key={t.label}>
            <line x1={t.x} y1={8} x2={t.x} y2={layout.height - 24} stroke="#d8dde0" />
            <text x={t.x} y={layout.height - 8} fontSize={12} textAnchor="middle" fill="#4c6272">
              {t.label}
            </text>
          </g>
        ))}
        {layout.rows.map((r) => (
          <g key={r.key}>
            <text x={labelWidth - 8} y={r.y + 15} fontSize={13} textAnchor="end" fill="#212b32">
              {r.label}
            </text>
            {r.bar && <rect x={labelWidth} y={r.y + 4} width={r.bar.width} height={16} fill="#005eb8" />}
            {r.interval && (
              <g stroke="#212b32" strokeWidth={2}>
                <line x1={r.interval.x1} y1={r.y + 12} x2={r.interval.x2} y2={r.y + 12} />
                <line x1={r.interval.x1} y1={r.y + 6} x2={r.interval.x1} y2={r.y + 18} />
                <line x1={r.interval.x2} y1={r.y + 6} x2={r.interval.x2} y2={r.y + 18} />
              </g>
            )}
            {r.bar && (
              <text x={labelWidth + plotWidth + 8} y={r.y + 15} fontSize={13} fill="#212b32">
                {r.bar.valueText}
              </text>
            )}
            {r.placeholder !== null && (
              <text x={labelWidth + 4} y={r.y + 15} fontSize={13} fontStyle="italic" fill="#4c6272">
                {r.placeholder}
              </text>
            )}
            {r.referenceX !== null && (
              <path d={`M${r.referenceX.toFixed(1)} ${r.y + 2} l6 10 l-6 10 l-6 -10 z`} fill="#ffb81c" stroke="#212b32" strokeWidth={1} />
            )}
          </g>
        ))}
      </svg>
      <figcaption className="nhsuk-body-s app-chart__legend">
        {layout.description}
        {block.reference ? ' Diamond: reference share.' : ''}
      </figcaption>
    </figure>
  );
});
