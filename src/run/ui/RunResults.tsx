import { type KeyboardEvent, lazy, Suspense, useState } from 'react';
import { WhyPanel } from '../../why/WhyPanel.tsx';
import { useRun } from './RunContext.tsx';
import './run.css';

// recharts is the largest dependency: the charts and the experiment plot load on first view.
const ChartsPanel = lazy(() => import('../../charts/ChartsPanel.tsx'));
const ExperimentPanel = lazy(() => import('../../experiments/ExperimentPanel.tsx'));

const TABS = ['Charts', 'Why', 'Experiments'] as const;
type Tab = (typeof TABS)[number];

/**
 * The results region: live charts, the Why panel, and experiments, as tabs. A tab's panel
 * stays mounted once shown (an experiment keeps running while you look at the charts).
 */
export function RunResults({ onShowNode }: { onShowNode?: (id: string) => void }) {
  const [tab, setTab] = useState<Tab>('Charts');
  const [seen, setSeen] = useState<ReadonlySet<Tab>>(() => new Set<Tab>(['Charts']));
  const findings = useRun((s) => s.why?.findings.filter((f) => f.severity === 'critical').length ?? 0);
  const choose = (t: Tab) => {
    setTab(t);
    setSeen((prev) => (prev.has(t) ? prev : new Set([...prev, t])));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.indexOf(tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const t = TABS[next] as Tab;
    choose(t);
    document.getElementById(tabId(t))?.focus();
  };
  return (
    <div className="sl-run-results">
      <div className="sl-run-results__tabs" role="tablist" aria-label="Results" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t}
            id={tabId(t)}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={panelId(t)}
            tabIndex={tab === t ? 0 : -1}
            className="sl-run-results__tab"
            onClick={() => choose(t)}
          >
            {t}
            {t === 'Why' && findings > 0 && (
              <span className="sl-run-results__badge" aria-hidden="true" title={`${findings} problems`}>
                {findings}
              </span>
            )}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t}
          id={panelId(t)}
          role="tabpanel"
          aria-labelledby={tabId(t)}
          hidden={tab !== t}
          className="sl-run-results__panel"
        >
          {seen.has(t) && (
            <Suspense fallback={<p className="sl-run-results__loading">Loading…</p>}>
              {t === 'Charts' && <ChartsPanel />}
              {t === 'Why' && <WhyPanel {...(onShowNode ? { onShowNode } : {})} />}
              {t === 'Experiments' && <ExperimentPanel />}
            </Suspense>
          )}
        </div>
      ))}
    </div>
  );
}

const tabId = (t: Tab) => `sl-results-tab-${t.toLowerCase()}`;
const panelId = (t: Tab) => `sl-results-panel-${t.toLowerCase()}`;
