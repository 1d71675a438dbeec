import { useShallow } from 'zustand/react/shallow';
import { components } from '../../scenario/index.ts';
import { formatShortcut } from '../commands/shortcuts.ts';
import { nodeIndex } from '../document/graph.ts';
import { useEditor } from '../store/context.tsx';

/** Several things selected: what they are, and what can be done with them all at once. */
export function SelectionPanel() {
  const counts = useEditor(
    useShallow((s) => {
      const byType = new Map<string, number>();
      const index = nodeIndex(s.doc.nodes);
      for (const id of s.selectedNodes) {
        const type = index.get(id)?.type;
        if (type) byType.set(components[type].label, (byType.get(components[type].label) ?? 0) + 1);
      }
      return [...byType]
        .map(([label, n]) => `${n} × ${label}`)
        .concat(s.selectedEdges.size > 0 ? [`${s.selectedEdges.size} × Connection`] : []);
    }),
  );
  return (
    <div className="sl-inspector__body">
      <header className="sl-inspector__header">
        <div>
          <h2 className="sl-inspector__title">Selection</h2>
          <p className="sl-inspector__kind">Several items</p>
        </div>
      </header>
      <ul className="sl-selection-list">
        {counts.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p className="sl-muted">
        Drag any of them to move them together. {formatShortcut('Mod+D')} duplicates them with the connections
        between them; {formatShortcut('Delete')} removes them. Select a single item to edit its settings.
      </p>
    </div>
  );
}
