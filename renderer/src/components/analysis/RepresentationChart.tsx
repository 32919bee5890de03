// Shares of each group with their 95% intervals, and the reference share as a marker. Each group
// is an HTML row (so long labels wrap) with its bar in a small inline SVG drawn in percentages of
// the axis. The figures are also in a table (GroupTable) for screen readers and for reading exact
// values: the chart itself is hidden from assistive technology.
import { memo, useMemo } from 'react';
import type { AttributeAnalysis } from '../../../../shared/analysis/types';
import { chartModel, percent } from '../../analysis/representation-view';
import '../../styles/analysis.css';

const pct = (share: number, max: number) => `${Math.max(0, Math.min(100, (share / max) * 100))}%`;

export const RepresentationChart = memo(function RepresentationChart({ attr, referenceName, headingId }: { attr: AttributeAnalysis; referenceName: string | null; headingId: string }) {
  const model = useMemo(() => chartModel(attr), [attr]);
  const hasReference = model.bars.some((b) => b.reference !== null);
  return (
    <figure className="app-chart" aria-labelledby={`${headingId}-chart-caption`}>
      <figcaption id={`${headingId}-chart-caption`} className="nhsuk-body-s">
        Share of people with a recorded category in each group
        {hasReference && referenceName ? `, against ${referenceName}` : ''}. The table below the chart gives every figure.
        {model.hidden > 0 && ` The chart shows the ${model.bars.length} largest groups; ${model.hidden} smaller groups are in the table.`}
      </figcaption>
      <ul className="app-chart__legend nhsuk-body-s" aria-hidden="true">
        <li>
          <svg className="app-chart__swatch" viewBox="0 0 24 16">
            <rect className="app-chart__bar" x="0" y="2" width="24" height="12" />
          </svg>
          Share in this dataset
        </li>
        <li>
          <svg className="app-chart__swatch" viewBox="0 0 24 16">
            <line className="app-chart__interval" x1="2" x2="22" y1="8" y2="8" />
            <line className="app-chart__interval" x1="2" x2="2" y1="3" y2="13" />
            <line className="app-chart__interval" x1="22" x2="22" y1="3" y2="13" />
          </svg>
          95% interval
        </li>
        {hasReference && (
          <li>
            <svg className="app-chart__swatch" viewBox="0 0 24 16">
              <line className="app-chart__reference" x1="12" x2="12" y1="0" y2="16" />
            </svg>
            Reference share (dashed line)
          </li>
        )}
      </ul>
      <div aria-hidden="true">
        <div className="app-chart__axis">
          <span />
          <span className="app-chart__axis-scale">
            {model.ticks.map((t) => (
              <span className="app-chart__tick" key={t} style={{ left: pct(t, model.max) }}>
                {Math.round(t * 100)}%
              </span>
            ))}
          </span>
          <span />
        </div>
        <ul className="app-chart__rows">
          {model.bars.map((b) => (
            <li className="app-chart__row" key={b.key}>
              <span className="app-chart__label">
                {b.label}
                {b.flagged && <strong> (flagged)</strong>}
              </span>
              <svg className="app-chart__plot" focusable="false">
                <rect className={`app-chart__bar${b.flagged ? ' app-chart__bar--flagged' : ''}`} x="0" y="6" height="16" width={pct(b.share, model.max)} />
                <line className="app-chart__interval" x1={pct(b.low, model.max)} x2={pct(b.high, model.max)} y1="14" y2="14" />
                <line className="app-chart__interval" x1={pct(b.low, model.max)} x2={pct(b.low, model.max)} y1="9" y2="19" />
                <line className="app-chart__interval" x1={pct(b.high, model.max)} x2={pct(b.high, model.max)} y1="9" y2="19" />
                {b.reference !== null && <line className="app-chart__reference" x1={pct(b.reference, model.max)} x2={pct(b.reference, model.max)} y1="0" y2="28" />}
              </svg>
              <span className="app-chart__value">{percent(b.share)}</span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
});
