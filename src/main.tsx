import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme.css';
import './styles/layout.css';
import './styles/editor.css';
import { App } from './app/App.tsx';
import { initialScenario } from './app/initialScenario.ts';
import { createEditorStore } from './editor/store/editorStore.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const scenario = await initialScenario(window.location.search);
// In development every committed document is re-checked by the restore funnel.
const store = createEditorStore(scenario, { checkInvariant: import.meta.env.DEV });

createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
