import { type ReactNode, useId } from 'react';

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
  children,
}: {
  title: string;
  unit?: string;
  summary: string;
  empty?: string | null;
  /** A word over the plot ("No errors"). */
  note?: string | null;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="sl-chart" aria-labelledby={id} data-chart={title}>
      <header className="sl-chart__header">
        <h3 id={id} className="sl-chart__title">
          {title}
        </h3>
        {unit && <span className="sl-chart__unit">{unit}</span>}
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
