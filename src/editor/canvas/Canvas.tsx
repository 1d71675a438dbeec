import {
  Background,
  BackgroundVariant,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  MiniMap,
  type NodeChange,
  type OnConnectEnd,
  Panel,
  ReactFlow,
  type ReactFlowState,
  useStore as useFlowStore,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent as ReactMouseEvent, useCallback, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { libraryUi } from '../../library/ui.ts';
import { useOpenFaultMenu } from '../../run/ui/RunContext.tsx';
import { isNodeType } from '../../scenario/index.ts';
import { addComponent } from '../commands/actions.ts';
import { CommandButton } from '../commands/CommandButton.tsx';
import { CanvasElementContext, type CommandContext } from '../commands/context.ts';
import { anyView } from '../components/index.ts';
import { connectionRefusal } from '../document/graph.ts';
import { NODE_SIZE } from '../document/layout.ts';
import { GRID, type XY } from '../document/operations.ts';
import type { Size } from '../document/tidy.ts';
import { useEditor, useEditorStore } from '../store/context.tsx';
import { edgeTypes, nodeTypes } from './elementTypes.ts';
import { FIT_OPTIONS } from './fitOptions.ts';
import { createFlowSelectors, type FlowEdge, type FlowNode } from './flowElements.ts';
import { useFitOnOpen } from './useFitOnOpen.ts';

/** The MIME type a palette item puts on the drag: the component type to add. */
export const PALETTE_MIME = 'application/x-scalelab-component';

const SNAP: [number, number] = [GRID, GRID];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Above this many components, only what is on screen is drawn (dragging stays smooth). */
const LARGE_GRAPH = 120;
/**
 * Level of detail: zoomed out past 0.45, latency labels, summaries, icons and shadows are too
 * small to read and are not drawn; past 0.3 (an overview of a big graph) names and handles go
 * too, leaving coloured boxes. Text stays in each node's accessible name.
 */
const detailOf = (s: ReactFlowState) =>
  s.transform[2] < 0.3 ? ' is-far is-overview' : s.transform[2] < 0.45 ? ' is-far' : '';

function miniMapColor(node: FlowNode): string {
  return node.type ? anyView(node.type).accent : 'var(--sl-type-planned)';
}

function pointerOf(event: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ('changedTouches' in event) {
    const t = event.changedTouches[0];
    return t ? { x: t.clientX, y: t.clientY } : null;
  }
  return { x: event.clientX, y: event.clientY };
}

/**
 * The canvas: React Flow, controlled by the editor store. React Flow reports gestures as
 * changes; the store turns them into document edits (with undo) or view state.
 */
export function Canvas({ ctx }: { ctx: CommandContext }) {
  const store = useEditorStore();
  const canvasRef = useContext(CanvasElementContext);
  const selectors = useMemo(createFlowSelectors, []);
  const nodes = useEditor(selectors.nodes);
  const edges = useEditor(selectors.edges);
  const detail = useFlowStore(detailOf);
  useFitOnOpen(store, ctx.flow);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const s = store.getState();
      const positions = new Map<string, XY>();
      const sizes: [string, Size][] = [];
      const selects: { id: string; selected: boolean }[] = [];
      let dragging = false;
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          positions.set(c.id, c.position);
          dragging ||= c.dragging === true;
        } else if (c.type === 'dimensions' && c.dimensions) sizes.push([c.id, c.dimensions]);
        else if (c.type === 'select') selects.push(c);
      }
      if (sizes.length > 0) s.setMeasured(sizes);
      if (selects.length > 0) s.applySelectChanges('nodes', selects);
      if (positions.size > 0) s.moveNodes(positions, { gesture: dragging });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const selects = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
      if (selects.length > 0) store.getState().applySelectChanges('edges', selects);
    },
    [store],
  );

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (c) => connectionRefusal(store.getState().doc, c.source, c.target) === null,
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState();
      const r = s.connect(c.source, c.target);
      if (!r.ok) s.notify(r.reason, 'warning');
    },
    [store],
  );

  /**
   * A connection dropped on a node's body (not on its dot) still connects; one that is refused
   * says why, in the status region, instead of silently snapping back.
   */
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState) => {
      if (state.isValid === true || !state.fromNode || !state.fromHandle) return;
      let other = state.toNode?.id;
      if (!other) {
        const p = pointerOf(event);
        const el = p ? document.elementFromPoint(p.x, p.y) : null;
        other = el?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      }
      if (!other || other === state.fromNode.id) return;
      const [source, target] =
        state.fromHandle.type === 'source' ? [state.fromNode.id, other] : [other, state.fromNode.id];
      const s = store.getState();
      const r = s.connect(source, target);
      if (!r.ok) s.notify(r.reason, 'warning');
    },
    [store],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeType(type)) return;
      e.preventDefault();
      const p = ctx.flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false });
      addComponent(ctx, type, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 });
    },
    [ctx],
  );

  // The present view shows the system to a room: nothing on the canvas moves or changes by a
  // stray click; running it and breaking it (right-click) still work.
  const present = useStore(libraryUi, (s) => s.present);
  const onNodeDoubleClick = useCallback(
    (_: unknown, node: FlowNode) => {
      if (!libraryUi.getState().present) store.getState().setRenaming(node.id);
    },
    [store],
  );

  // Right-click (or the menu key): the live faults of a component or a connection.
  const openFaultMenu = useOpenFaultMenu();
  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, node: FlowNode) => openFaultMenu({ kind: 'node', id: node.id }, e),
    [openFaultMenu],
  );
  const onEdgeContextMenu = useCallback(
    (e: ReactMouseEvent, edge: FlowEdge) => {
      // A standby pair carries no requests: there is nothing on it to cut.
      if (edge.type === 'pair') return;
      openFaultMenu({ kind: 'edge', source: edge.source, target: edge.target }, e);
    },
    [openFaultMenu],
  );

  return (
    <section
      className={`sl-canvas${detail}`}
      aria-label="Canvas"
      ref={canvasRef}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        deleteKeyCode={null}
        nodesDraggable={!present}
        nodesConnectable={!present}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={false}
        snapToGrid
        snapGrid={SNAP}
        connectionRadius={36}
        minZoom={0.1}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT_OPTIONS}
        colorMode="system"
        onlyRenderVisibleElements={nodes.length > LARGE_GRAPH}
        proOptions={{ hideAttribution: false }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.4} />
        <MiniMap<FlowNode>
          pannable
          zoomable
          nodeColor={miniMapColor}
          nodeStrokeWidth={0}
          nodeBorderRadius={6}
          ariaLabel="Overview map"
          position="bottom-right"
        />
        <Panel position="bottom-left" className="sl-zoom-controls" role="group" aria-label="Zoom">
          <CommandButton id="zoomIn" ctx={ctx} />
          <CommandButton id="zoomOut" ctx={ctx} />
          <CommandButton id="fitView" ctx={ctx} />
        </Panel>
      </ReactFlow>
    </section>
  );
}
