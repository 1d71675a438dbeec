import type { ComponentType } from 'react';
import type { CustomFieldProps } from '../components/types.ts';
import type { FieldSpec } from '../schema/fieldSpecs.ts';
import type { Result } from '../store/types.ts';
import { CheckboxField, SelectField } from './fields/ChoiceFields.tsx';
import { JsonField } from './fields/JsonField.tsx';
import { NumberField } from './fields/NumberField.tsx';

export interface SchemaFieldsProps {
  specs: readonly FieldSpec[];
  values: Readonly<Record<string, unknown>>;
  /** Writes one field; `path` names it for merging a burst of typing into one undo step. */
  commit(key: string, value: unknown): Result;
  idPrefix: string;
  nodeId?: string;
  custom?: Partial<Record<string, ComponentType<CustomFieldProps>>>;
  disabled?: boolean;
}

/** The generated form: one input per schema field, in the schema's order. */
export function SchemaFields({
  specs,
  values,
  commit,
  idPrefix,
  nodeId,
  custom,
  disabled,
}: SchemaFieldsProps) {
  return specs.map((spec) => {
    const id = `${idPrefix}-${spec.key}`;
    const value = values[spec.key];
    switch (spec.kind) {
      case 'number':
        return (
          <NumberField
            key={spec.key}
            id={id}
            spec={spec}
            value={(value as number | null | undefined) ?? null}
            commit={(v) => commit(spec.key, v)}
            disabled={disabled ?? false}
          />
        );
      case 'enum':
        return (
          <SelectField
            key={spec.key}
            id={id}
            spec={spec}
            value={String(value)}
            commit={(v) => commit(spec.key, v)}
            disabled={disabled ?? false}
          />
        );
      case 'boolean':
        return (
          <CheckboxField
            key={spec.key}
            id={id}
            spec={spec}
            value={value === true}
            commit={(v) => commit(spec.key, v)}
          />
        );
      case 'group':
        return (
          <FieldGroup
            key={spec.key}
            id={id}
            spec={spec}
            values={(value ?? {}) as Record<string, unknown>}
            commit={(v) => commit(spec.key, v)}
          />
        );
      case 'custom': {
        const Custom = custom?.[spec.key];
        if (!Custom || !nodeId)
          return (
            <JsonField
              key={spec.key}
              id={id}
              title={spec.title}
              description={spec.description}
              value={value}
              commit={(v) => commit(spec.key, v)}
            />
          );
        return (
          <Custom
            key={spec.key}
            nodeId={nodeId}
            fieldKey={spec.key}
            title={spec.title}
            {...(spec.description ? { description: spec.description } : {})}
          />
        );
      }
      default:
        return null;
    }
  });
}

/**
 * A nested settings object (a balancer's health checks) as a fieldset. When the group has an
 * `enabled` switch it heads the group, and the other fields rest while it is off.
 */
function FieldGroup({
  id,
  spec,
  values,
  commit,
}: {
  id: string;
  spec: Extract<FieldSpec, { kind: 'group' }>;
  values: Record<string, unknown>;
  commit(value: unknown): Result;
}) {
  const toggle = spec.fields.find((f) => f.key === 'enabled' && f.kind === 'boolean');
  const rest = toggle ? spec.fields.filter((f) => f !== toggle) : spec.fields;
  const set = (key: string, v: unknown) => commit({ ...values, [key]: v });
  return (
    <fieldset className="sl-fieldset">
      <legend>{spec.title}</legend>
      {toggle?.kind === 'boolean' && (
        <CheckboxField
          id={`${id}-${toggle.key}`}
          spec={toggle}
          title={`Use ${spec.title.toLowerCase()}`}
          value={values[toggle.key] === true}
          commit={(v) => set(toggle.key, v)}
        />
      )}
      <SchemaFields
        specs={rest}
        values={values}
        commit={set}
        idPrefix={id}
        disabled={toggle ? values[toggle.key] !== true : false}
      />
    </fieldset>
  );
}
