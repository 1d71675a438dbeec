import { type CSSProperties, type ReactNode, useId } from 'react';

/**
 * One chart: a region named by its heading ("Latency"), the plot, and a sentence with the
 * latest values for screen readers. An empty state says what would make it fill.
 */
export function ChartCard({
  title,
  unit,
  summary,
  empty,
  note,
  legend,
  children,
}: {
  title: string;
  unit?: string;
  summary: string;
  empty?: string | null;
  /** A word over the plot ("No errors"). */
  note?: string | null;
  /** Series names and colours, drawn as plain HTML (cheaper than a chart legend). */
  legend?: readonly { name: string; color: string }[];
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="sl-chart" aria-labelledby={id} data-chart={title}>
      <header className="sl-chart__header">
        <h3 id={id} className="sl-chart__title" title={unit}>
          {title}
        </h3>
        {/* With a legend the axis says the unit; the line is for the series' names. */}
        {unit && !(legend && legend.length > 0 && !empty) && <span className="sl-chart__unit">{unit}</span>}
        {legend && legend.length > 0 && !empty && (
          <ul className="sl-chart__legend" aria-hidden="true">
            {legend.map((l) => (
              <li key={l.name} style={{ '--sl-series': l.color } as CSSProperties}>
                {l.name}
              </li>
            ))}
          </ul>
        )}
      </header>
      {empty ? (
        <p className="sl-chart__empty">{empty}</p>
      ) : (
        <div className="sl-chart__plot" aria-hidden="true">
          <div className="sl-chart__fill">{children}</div>
          {note && <span className="sl-chart__note">{note}</span>}
        </div>
      )}
      <p className="sl-visually-hidden">{empty ?? summary}</p>
    </section>
  );
}
