import { useShallow } from 'zustand/react/shallow';
import { LIMITS, type Scenario, scenarioSchema } from '../../scenario/index.ts';
import { summaryOf } from '../components/index.ts';
import { nodeIndex, nodeRoster } from '../document/graph.ts';
import type { ScenarioSettings } from '../document/operations.ts';
import { type NumberFieldSpec, singleFieldSpec } from '../schema/fieldSpecs.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';
import { NumberField } from './fields/NumberField.tsx';
import { TextField } from './fields/TextField.tsx';

const text = {
  seed: {
    title: 'Random seed',
    description:
      'The same seed gives the same run, request for request, so a shared scenario shows everyone the same numbers. Change it to see another, equally likely run.',
  },
  duration: { title: 'Duration', unit: 's', description: 'How much simulated time one run covers.' },
  warmup: {
    title: 'Warm-up',
    unit: 's',
    description:
      'Results ignore the first seconds of a run, while queues fill and caches warm, so the figures describe the steady state.',
  },
} as const;

const numberSpecs = (['seed', 'duration', 'warmup'] as const).map(
  (key) => ({ ...singleFieldSpec(key, scenarioSchema.shape[key]), ...text[key] }) as NumberFieldSpec,
);

/** Nothing selected: the scenario's own settings, and where its traffic comes from. */
export function ScenarioPanel() {
  const store = useEditorStore();
  const settings = useEditor(
    useShallow((s): Pick<Scenario, 'title' | 'seed' | 'duration' | 'warmup'> & { description: string } => ({
      title: s.doc.title,
      description: s.doc.description ?? '',
      seed: s.doc.seed,
      duration: s.doc.duration,
      warmup: s.doc.warmup,
    })),
  );
  const counts = useEditor(useShallow((s) => [s.doc.nodes.length, s.doc.edges.length] as const));
  const roster = useEditor((s) => nodeRoster(s.doc.nodes));
  const clients = roster.filter((r) => r.type === 'client');
  const update = (patch: Partial<ScenarioSettings>, key: string) =>
    store.getState().updateSettings(patch, `scenario.${key}`);

  return (
    <div className="sl-inspector__body">
      <header className="sl-inspector__header">
        <div>
          <h2 className="sl-inspector__title">Scenario</h2>
          <p className="sl-inspector__kind">
            {counts[0]} component{counts[0] === 1 ? '' : 's'} · {counts[1]} connection
            {counts[1] === 1 ? '' : 's'}
          </p>
        </div>
      </header>
      <TextField
        id="sl-scenario-title"
        title="Title"
        value={settings.title}
        maxLength={LIMITS.titleChars}
        commit={(title) => update({ title }, 'title')}
      />
      <TextField
        id="sl-scenario-description"
        title="Notes"
        description="What this scenario shows or asks. Travels with the scenario when it is shared."
        value={settings.description}
        maxLength={4000}
        multiline
        commit={(description) => update({ description }, 'description')}
      />
      {numberSpecs.map((spec) => (
        <NumberField
          key={spec.key}
          id={`sl-scenario-${spec.key}`}
          spec={spec}
          value={settings[spec.key as 'seed' | 'duration' | 'warmup']}
          commit={(v) => update({ [spec.key]: v }, spec.key)}
        />
      ))}
      <section className="sl-traffic" aria-labelledby="sl-traffic-title">
        <h3 id="sl-traffic-title" className="sl-section-title">
          Traffic
        </h3>
        <p className="sl-muted">Each client sets its own rate and pattern. Choose one to change it.</p>
        {clients.length === 0 ? (
          <p className="sl-muted">No clients yet: add one from the palette.</p>
        ) : (
          <ul className="sl-traffic__list">
            {clients.map((c) => (
              <li key={c.id}>
                <ClientChip id={c.id} name={c.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A client and its traffic, e.g. "Users 150 req/s"; selecting it opens its traffic settings. */
function ClientChip({ id, name }: { id: string; name: string }) {
  const store = useEditorStore();
  const summary = useEditor((s) => {
    const node = nodeIndex(s.doc.nodes).get(id);
    return node ? summaryOf(node) : '';
  });
  return (
    <button type="button" className="sl-chip" onClick={() => store.getState().select([id])}>
      <strong>{name}</strong> <span>{summary}</span>
    </button>
  );
}
