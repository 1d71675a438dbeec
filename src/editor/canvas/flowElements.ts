import { type Edge, MarkerType, type Node } from '@xyflow/react';
import {
  components,
  isPairEdge,
  type NodeType,
  type ScenarioEdge,
  type ScenarioNode,
} from '../../scenario/index.ts';
import { edgeKey, nodeName } from '../document/graph.ts';
import { NODE_SIZE } from '../document/layout.ts';
import type { Size } from '../document/tidy.ts';
import type { EditorState } from '../store/types.ts';

/**
 * React Flow's view of the document. Node data stays empty on purpose: a node view reads its
 * own record from the store by id, so nothing derived, live or callable sits in node data, and
 * an unchanged node keeps the very same object (React Flow then skips it).
 */
export type FlowNode = Node<Record<string, never>, NodeType>;
export type FlowEdge = Edge<Record<string, never>, 'request' | 'pair'>;

const NO_DATA = Object.freeze({}) as Record<string, never>;
const ORIGIN = Object.freeze({ x: 0, y: 0 });
/**
 * The arrowhead, sized in canvas units rather than in stroke widths: during a run an edge
 * thickens with its traffic, and an arrowhead that grew with it became a big blot on every
 * busy input.
 */
const ARROW = Object.freeze({
  type: MarkerType.ArrowClosed,
  width: 36,
  height: 36,
  markerUnits: 'userSpaceOnUse',
  color: 'var(--sl-edge)',
});

export interface FlowSelectors {
  nodes(state: EditorState): FlowNode[];
  edges(state: EditorState): FlowEdge[];
}

/** Memoised selectors (one set per canvas): the same input gives the same arrays and objects. */
export function createFlowSelectors(): FlowSelectors {
  const nodeCache = new WeakMap<ScenarioNode, FlowNode>();
  const edgeCache = new WeakMap<ScenarioEdge, FlowEdge>();
  let lastNodes: {
    nodes: readonly ScenarioNode[];
    selected: ReadonlySet<string>;
    measured: ReadonlyMap<string, Size>;
    result: FlowNode[];
  } | null = null;
  let lastEdges: {
    edges: readonly ScenarioEdge[];
    selected: ReadonlySet<string>;
    result: FlowEdge[];
  } | null = null;

  return {
    nodes(s) {
      if (
        lastNodes?.nodes === s.doc.nodes &&
        lastNodes.selected === s.selectedNodes &&
        lastNodes.measured === s.measured
      )
        return lastNodes.result;
      const result = s.doc.nodes.map((n) => {
        const selected = s.selectedNodes.has(n.id);
        const measured = s.measured.get(n.id);
        const cached = nodeCache.get(n);
        if (cached && cached.selected === selected && cached.measured === measured) return cached;
        const flowNode: FlowNode = {
          id: n.id,
          type: n.type,
          position: n.position ?? ORIGIN,
          data: NO_DATA,
          selected,
          // Until React Flow has measured a node, it sizes it by these (fit view, visibility).
          initialWidth: NODE_SIZE.width,
          initialHeight: NODE_SIZE.height,
          ariaLabel: `${nodeName(n)}, ${components[n.type].label.toLowerCase()}`,
          ...(measured ? { measured } : {}),
        };
        nodeCache.set(n, flowNode);
        return flowNode;
      });
      lastNodes = { nodes: s.doc.nodes, selected: s.selectedNodes, measured: s.measured, result };
      return result;
    },

    edges(s) {
      if (lastEdges?.edges === s.doc.edges && lastEdges.selected === s.selectedEdges) return lastEdges.result;
      const result = s.doc.edges.map((e) => {
        const id = edgeKey(e);
        const selected = s.selectedEdges.has(id);
        const cached = edgeCache.get(e);
        if (cached && cached.selected === selected) return cached;
        const flowEdge: FlowEdge = isPairEdge(e)
          ? {
              id,
              source: e.source,
              target: e.target,
              type: 'pair',
              selected,
              ariaLabel: `Standby pair: ${e.target} stands by for ${e.source}`,
            }
          : {
              id,
              source: e.source,
              target: e.target,
              type: 'request',
              selected,
              markerEnd: ARROW,
              ariaLabel: `Connection from ${e.source} to ${e.target}`,
            };
        edgeCache.set(e, flowEdge);
        return flowEdge;
      });
      lastEdges = { edges: s.doc.edges, selected: s.selectedEdges, result };
      return result;
    },
  };
}
