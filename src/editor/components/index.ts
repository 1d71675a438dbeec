import {
  canConnect,
  components,
  type NodeOfType,
  type NodeType,
  nodeTypes,
  plannedTypes,
} from '../../scenario/index.ts';
import {
  CacheIcon,
  CdnIcon,
  type Icon,
  MapReduceIcon,
  QueueIcon,
  SchedulerIcon,
  ServerIcon,
  WorkerPoolIcon,
} from '../../ui/icons.tsx';
import { fieldSpecs, type NumberFieldSpec } from '../schema/fieldSpecs.ts';
import { cacheView } from './cache.ts';
import { cdnView } from './cdn.ts';
import { clientView } from './client.ts';
import { databaseView } from './database.ts';
import { shortNumber } from './format.ts';
import { loadBalancerView } from './loadBalancer.ts';
import { mapReduceView } from './mapReduce.ts';
import { queueView } from './queue.ts';
import { schedulerView } from './scheduler.ts';
import { serverView } from './server.ts';
import type { AnyComponentView, ComponentView } from './types.ts';
import { workerPoolView } from './workerPool.ts';

/**
 * The editor's side of the component registry: one view definition per type the engine
 * simulates, each in its own file beside this one. A type the engine gains before it has a
 * view here still works — palette, canvas and a generated inspector — with a plain look; a
 * unit test (index.test.ts) names the types that still need their own view.
 */
export const componentViews: { readonly [T in NodeType]?: ComponentView<T> } = {
  client: clientView,
  loadBalancer: loadBalancerView,
  server: serverView,
  database: databaseView,
  cache: cacheView,
  cdn: cdnView,
  queue: queueView,
  workerPool: workerPoolView,
  scheduler: schedulerView,
  mapReduce: mapReduceView,
};

/**
 * Icons for every type, simulated or planned, so a type moving from `plannedTypes` to
 * `components` keeps its icon in the palette before it has a view of its own.
 */
const typeIcons: Record<string, Icon> = {
  cache: CacheIcon,
  cdn: CdnIcon,
  queue: QueueIcon,
  workerPool: WorkerPoolIcon,
  scheduler: SchedulerIcon,
  mapReduce: MapReduceIcon,
};

const genericViews = new Map<NodeType, AnyComponentView>();

/** The plain look of a type without its own view: its icon and its first settings with units. */
function genericView(type: NodeType): AnyComponentView {
  let view = genericViews.get(type);
  if (!view) {
    const shown = fieldSpecs(components[type].config)
      .filter((f): f is NumberFieldSpec => f.kind === 'number' && f.unit !== undefined)
      .slice(0, 2);
    view = {
      type,
      icon: typeIcons[type] ?? ServerIcon,
      // A colour token named after the type if the theme has one (--sl-type-mapreduce), else grey.
      accent: `var(--sl-type-${type.toLowerCase()}, var(--sl-type-planned))`,
      summary: (config) =>
        shown
          .map((f) => (config as Record<string, unknown>)[f.key])
          .map((v, i) => (typeof v === 'number' ? `${shortNumber(v)} ${shown[i]?.unit}` : null))
          .filter(Boolean)
          .join(' · '),
    };
    genericViews.set(type, view);
  }
  return view;
}

/** Any type's view, its config typed loosely (the registry keys guarantee they match). */
export function anyView(type: NodeType): AnyComponentView {
  return (componentViews[type] as AnyComponentView | undefined) ?? genericView(type);
}

export function summaryOf(node: NodeOfType<NodeType>): string {
  return anyView(node.type).summary(node.config);
}

export interface PaletteEntry {
  type: string;
  label: string;
  description: string;
  icon: Icon;
  accent: string;
  /** The engine simulates it. Planned types light up when they move into `components`. */
  available: boolean;
}

export const paletteEntries: readonly PaletteEntry[] = [
  ...nodeTypes.map((type) => ({
    type,
    label: components[type].label,
    description: components[type].description,
    icon: anyView(type).icon,
    accent: anyView(type).accent,
    available: true,
  })),
  ...plannedTypes
    .filter((p) => !(p.type in components))
    .map((p) => ({
      type: p.type,
      label: p.label,
      description: p.description,
      icon: typeIcons[p.type] ?? ServerIcon,
      accent: 'var(--sl-type-planned)',
      available: false,
    })),
];

/**
 * Which handles a node shows, derived from the connection rules so the two cannot disagree:
 * an input where some type may send to it, an output where it may send to some type.
 */
export const handlesOf: Record<NodeType, { input: boolean; output: boolean }> = Object.fromEntries(
  nodeTypes.map((t) => [
    t,
    { input: nodeTypes.some((s) => canConnect(s, t)), output: nodeTypes.some((d) => canConnect(t, d)) },
  ]),
) as Record<NodeType, { input: boolean; output: boolean }>;
