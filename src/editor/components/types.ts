import type { ComponentType } from 'react';
import type { NodeOfType, NodeType } from '../../scenario/index.ts';
import type { Icon } from '../../ui/icons.tsx';

type ConfigOf<T extends NodeType> = NodeOfType<T>['config'];

/** Props of a hand-written editor for a field the generated form cannot draw. */
export interface CustomFieldProps {
  nodeId: string;
  fieldKey: string;
  title: string;
  description?: string;
}

/**
 * Everything the editor needs to show one component type, in one place: the node view's icon,
 * colour and summary, and how the inspector lays out the fields that the type's zod schema
 * defines. The schema (src/scenario/components/) stays the single source of the fields
 * themselves: titles, units, ranges, defaults and help come from there.
 */
export interface ComponentView<T extends NodeType = NodeType> {
  type: T;
  icon: Icon;
  /** CSS colour of the type's badge, a theme variable. */
  accent: string;
  /** The one-line summary under the label: "4 workers · 20 ms". */
  summary(config: ConfigOf<T>): string;
  /** Fields tucked under "More settings" (still generated from the schema). */
  advanced?: readonly (keyof ConfigOf<T> & string)[];
  /** Fields that only matter in some settings, e.g. the variability of a lognormal distribution. */
  showWhen?: Partial<Record<keyof ConfigOf<T> & string, (config: ConfigOf<T>) => boolean>>;
  /** Hand-written editors for fields the generated form cannot draw (a discriminated union). */
  customFields?: Partial<Record<keyof ConfigOf<T> & string, ComponentType<CustomFieldProps>>>;
}

export function defineView<T extends NodeType>(view: ComponentView<T>): ComponentView<T> {
  return view;
}

/** A view with its type parameter erased, for code that handles any component type. */
export interface AnyComponentView {
  type: NodeType;
  icon: Icon;
  accent: string;
  summary(config: unknown): string;
  advanced?: readonly string[];
  showWhen?: Partial<Record<string, (config: unknown) => boolean>>;
  customFields?: Partial<Record<string, ComponentType<CustomFieldProps>>>;
}
