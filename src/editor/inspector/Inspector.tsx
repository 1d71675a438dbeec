import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/context.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';

/** Shows what is selected: one component, one connection, several things, or the scenario. */
export function Inspector() {
  const [nodeCount, edgeCount, firstNode, firstEdge] = useEditor(
    useShallow((s) => [
      s.selectedNodes.size,
      s.selectedEdges.size,
      first(s.selectedNodes),
      first(s.selectedEdges),
    ]),
  );
  let body: ReactNode;
  // Keyed by id: a new selection starts with fresh fields (no half-typed value carried over).
  if (nodeCount === 1 && edgeCount === 0 && firstNode)
    body = <NodeInspector key={firstNode} id={firstNode} />;
  else if (nodeCount === 0 && edgeCount === 1 && firstEdge)
    body = <EdgeInspector key={firstEdge} edgeId={firstEdge} />;
  else if (nodeCount + edgeCount > 1) body = <SelectionPanel />;
  else body = <ScenarioPanel />;
  return (
    <aside className="sl-inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}

function first(set: ReadonlySet<string>): string | undefined {
  for (const x of set) return x;
  return undefined;
}
