import { defaultScenarioInput } from '../scenario/examples/defaultScenario.ts';
import { restoreOrThrow } from '../scenario/restore.ts';

const scenario = restoreOrThrow(defaultScenarioInput);

// Placeholder shell until the editor lands: shows the default scenario that `npm start` loads.
export function App() {
  return (
    <main>
      <h1>ScaleLab</h1>
      <h2>{scenario.title}</h2>
      <ul aria-label="Components">
        {scenario.nodes.map((n) => (
          <li key={n.id}>
            {n.label ?? n.id} ({n.type})
          </li>
        ))}
      </ul>
    </main>
  );
}
