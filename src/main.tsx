import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/theme.css';
import './styles/layout.css';
import './styles/editor.css';
import { App } from './app/App.tsx';
import { initialScenario } from './app/initialScenario.ts';
import { createEditorStore } from './editor/store/editorStore.ts';
import { bootLibrary, createLibrarySession } from './library/boot.ts';
import { LibraryProvider } from './library/LibraryProvider.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const start = await initialScenario(window.location.search);
// The frame-time benchmark (?bench=N) measures the editor alone: no library, no autosave.
const bench = new URLSearchParams(window.location.search).has('bench');
// The last work from the local library, or a shared link (#s1.…) as a new unsaved copy.
const boot = bench ? null : await bootLibrary(window.location.hash, start);
// In development every committed document is re-checked by the restore funnel.
const store = createEditorStore(boot?.scenario ?? start, { checkInvariant: import.meta.env.DEV });
const app = <App store={store} />;

createRoot(root).render(
  <StrictMode>
    {boot ? <LibraryProvider session={createLibrarySession(store, boot, start)}>{app}</LibraryProvider> : app}
  </StrictMode>,
);
