import type { z } from 'zod';
import type { ClientConfig } from '../../scenario/components/client.ts';
import { trafficPattern } from '../../scenario/components/client.ts';
import type { CustomFieldProps } from '../components/types.ts';
import { nodeIndex } from '../document/graph.ts';
import { fieldSpecs, type NumberFieldSpec } from '../schema/fieldSpecs.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';
import { FieldShell } from './fields/FieldShell.tsx';
import { NumberField } from './fields/NumberField.tsx';
import { defaultPattern, type PatternType, patternFieldText, patternLabels, rateAt } from './patternShape.ts';

const variants = trafficPattern.unwrap().options;
const variantOf = Object.fromEntries(variants.map((v) => [v.shape.type.value, v])) as unknown as Record<
  PatternType,
  z.ZodType
>;

function specsFor(type: PatternType): NumberFieldSpec[] {
  return fieldSpecs(variantOf[type])
    .filter((s): s is NumberFieldSpec => s.kind === 'number')
    .map((s) => ({ ...s, ...patternFieldText[s.key] }));
}

/**
 * The client's traffic pattern: a discriminated union, so the generated form cannot draw it.
 * A shape picker, the chosen shape's own fields (ranges from the schema), and a sketch of the
 * rate over the run.
 */
export function TrafficPatternEditor({ nodeId, fieldKey, title, description }: CustomFieldProps) {
  const store = useEditorStore();
  const config = useEditor((s) => nodeIndex(s.doc.nodes).get(nodeId)?.config as ClientConfig | undefined);
  const duration = useEditor((s) => s.doc.duration);
  if (!config) return null;
  const { pattern, rps } = config;
  const id = `sl-field-${nodeId}-${fieldKey}`;

  const write = (next: unknown, coalesce?: string) =>
    store.getState().updateConfig(nodeId, { [fieldKey]: next }, coalesce);

  return (
    <fieldset className="sl-fieldset sl-pattern">
      <legend>{title}</legend>
      <FieldShell id={`${id}-type`} title="Shape" description={description}>
        <select
          id={`${id}-type`}
          className="sl-input sl-select"
          value={pattern.type}
          aria-describedby={`${id}-type-help`}
          onChange={(e) => write(defaultPattern(e.target.value as PatternType, rps, duration))}
        >
          {(Object.keys(patternLabels) as PatternType[]).map((t) => (
            <option key={t} value={t}>
              {patternLabels[t]}
            </option>
          ))}
        </select>
      </FieldShell>
      {specsFor(pattern.type).map((spec) => (
        <NumberField
          key={`${pattern.type}-${spec.key}`}
          id={`${id}-${spec.key}`}
          spec={spec}
          value={((pattern as Record<string, unknown>)[spec.key] as number | undefined) ?? null}
          commit={(v) => write({ ...pattern, [spec.key]: v }, `${nodeId}.${fieldKey}.${spec.key}`)}
        />
      ))}
      <PatternSketch config={config} duration={duration} />
    </fieldset>
  );
}

const W = 240;
const H = 56;

function PatternSketch({ config, duration }: { config: ClientConfig; duration: number }) {
  const samples = 96;
  const rates = Array.from({ length: samples + 1 }, (_, i) =>
    rateAt(config.pattern, config.rps, (duration * i) / samples),
  );
  const top = Math.max(...rates, 1);
  const points = rates
    .map((r, i) => `${((i / samples) * W).toFixed(1)},${(H - 4 - (r / top) * (H - 10)).toFixed(1)}`)
    .join(' ');
  const peak = Math.round(Math.max(...rates));
  return (
    <figure className="sl-pattern__sketch">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={H}
        role="img"
        aria-label={`Traffic over the run: peaks at ${peak.toLocaleString('en-US')} requests per second`}
      >
        <polyline points={`0,${H} ${points} ${W},${H}`} className="sl-pattern__area" />
        <polyline points={points} className="sl-pattern__line" />
      </svg>
      <figcaption>
        <span>0 s</span>
        <span>peak {peak.toLocaleString('en-US')} req/s</span>
        <span>{duration.toLocaleString('en-US')} s</span>
      </figcaption>
    </figure>
  );
}
