import type { CSSProperties } from 'react';
import { LiveFaultsSection } from '../../run/ui/LiveFaultsSection.tsx';
import { components } from '../../scenario/index.ts';
import { anyView } from '../components/index.ts';
import { nodeIndex, nodeName } from '../document/graph.ts';
import { MAX_LABEL_CHARS } from '../document/operations.ts';
import { useEditLock } from '../locks.ts';
import { type FieldSpec, fieldSpecs } from '../schema/fieldSpecs.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';
import { ConnectionsSection } from './ConnectionsSection.tsx';
import { TextField } from './fields/TextField.tsx';
import { SchemaFields } from './SchemaFields.tsx';
import { StandbySection } from './StandbySection.tsx';

/** The selected component: its name, its settings generated from its schema, its connections. */
export function NodeInspector({ id }: { id: string }) {
  const store = useEditorStore();
  // Type, label and config, not the node: dragging it (a new position) must not redraw the form.
  const type = useEditor((s) => nodeIndex(s.doc.nodes).get(id)?.type);
  const label = useEditor((s) => nodeIndex(s.doc.nodes).get(id)?.label);
  const lock = useEditLock(id);
  const config = useEditor((s) => nodeIndex(s.doc.nodes).get(id)?.config) as
    | Record<string, unknown>
    | undefined;
  if (!type || !config) return null;
  const view = anyView(type);
  const Icon = view.icon;
  const visible = (spec: FieldSpec) => view.showWhen?.[spec.key]?.(config) ?? true;
  const specs = fieldSpecs(components[type].config).filter(visible);
  const advanced = new Set<string>(view.advanced ?? []);
  const main = specs.filter((s) => !advanced.has(s.key));
  const more = specs.filter((s) => advanced.has(s.key));
  const prefix = `sl-field-${id}`;
  const commit = (key: string, value: unknown) =>
    store.getState().updateConfig(id, { [key]: value }, `${id}.${key}`);

  return (
    <div className="sl-inspector__body">
      <header className="sl-inspector__header" style={{ '--sl-accent': view.accent } as CSSProperties}>
        <span className="sl-inspector__badge">
          <Icon size={22} />
        </span>
        <div>
          <h2 className="sl-inspector__title">{nodeName({ id, label })}</h2>
          <p className="sl-inspector__kind">
            {components[type].label} · <code>{id}</code>
          </p>
        </div>
      </header>
      <p className="sl-inspector__about">{components[type].description}</p>
      {lock && (
        <p className="sl-inspector__locked" role="note">
          {lock.reason}
        </p>
      )}
      <TextField
        id={`${prefix}-label`}
        title="Name"
        value={label ?? ''}
        placeholder={id}
        maxLength={MAX_LABEL_CHARS}
        commit={(label) => store.getState().renameNode(id, label)}
      />
      <SchemaFields
        specs={main}
        values={config}
        commit={commit}
        idPrefix={prefix}
        nodeId={id}
        custom={view.customFields}
        disabled={lock?.all}
      />
      {more.length > 0 && (
        <details className="sl-more">
          <summary>More settings</summary>
          <SchemaFields
            specs={more}
            values={config}
            commit={commit}
            idPrefix={prefix}
            nodeId={id}
            custom={view.customFields}
            disabled={lock?.all}
          />
        </details>
      )}
      {type === 'loadBalancer' && <StandbySection id={id} />}
      <ConnectionsSection id={id} />
      <LiveFaultsSection id={id} type={type} />
    </div>
  );
}
