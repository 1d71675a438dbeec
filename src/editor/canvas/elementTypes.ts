import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { nodeTypes as componentTypes } from '../../scenario/index.ts';
import { ComponentNode } from './ComponentNode.tsx';
import { PairEdge } from './PairEdge.tsx';
import { RequestEdge } from './RequestEdge.tsx';

// Module level, never inside a component: a new object each render would remount every node.
// One view for every registered type; the type's own look comes from src/editor/components/.
export const nodeTypes: NodeTypes = Object.fromEntries(componentTypes.map((t) => [t, ComponentNode]));

export const edgeTypes = { request: RequestEdge, pair: PairEdge } as EdgeTypes;
