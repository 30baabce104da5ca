import { type BarChartProps, type ChartDataRow } from '@hubspot/ui-extensions';

import { testIdOf } from './shared';

/** HubSpot's chart palette, by the colour names ChartColor uses (research notes: the Canvas chart colours). */
const CHART_COLORS = ['#fea58e', '#51d3d9', '#bda9ea', '#f5c78e', '#ea90b1', '#81c1fd', '#a2d28f', '#9784c2'];

const rowsOf = (data: BarChartProps['data']): ChartDataRow[] => (Array.isArray(data) ? data : data.data);

/**
 * A bar chart, drawn as horizontal bars: one per row, in the order given, its length proportional to the
 * y value. The preview does not stack or group by colour; HubSpot's own chart does.
 */
export const BarChart = ({ data, axes, options, testId }: BarChartProps) => {
  const rows = rowsOf(data);
  const values = rows.map((row) => Number(row[axes.y.field] ?? 0));
  const largest = Math.max(1, ...values);
  return (
    <figure className="hs-bar-chart" {...testIdOf(testId)}>
      {options?.title && <figcaption className="hs-bar-chart__title">{options.title}</figcaption>}
      {axes.y.label && <p className="hs-bar-chart__axis">{axes.y.label}</p>}
      {rows.map((row, index) => (
        <div className="hs-bar-chart__row" key={`${String(row[axes.x.field])}-${index}`}>
          <span className="hs-bar-chart__label">{String(row[axes.x.field] ?? '')}</span>
          <span className="hs-bar-chart__track">
            <span
              className="hs-bar-chart__bar"
              style={{
                width: `${((values[index] ?? 0) / largest) * 100}%`,
                background: CHART_COLORS[index % CHART_COLORS.length],
              }}
            />
          </span>
          <span className="hs-bar-chart__value">{(values[index] ?? 0).toLocaleString('en-US')}</span>
        </div>
      ))}
    </figure>
  );
};
