import {
  exportCanvasImage,
  exportScenarioJson,
  exportSeriesCsv,
  importScenarioJson,
} from '../../files/fileCommands.ts';
import { ExportIcon, ImageIcon, ImportIcon, TableIcon } from '../../files/icons.tsx';
import { ExerciseIcon, LearnIcon } from '../../lessons/ui/icons.tsx';
import { openAuthoring, openLessonPicker } from '../../lessons/ui/learnStore.ts';
import { LibraryIcon, LinkIcon, PresentIcon } from '../../library/icons.tsx';
import { openLibrary, shareLink, togglePresent } from '../../library/ui.ts';
import { PlayIcon, ResetIcon, StepIcon } from '../../run/ui/icons.tsx';
import { RUN_SHORTCUTS } from '../../run/ui/runShortcuts.ts';
import {
  CopyIcon,
  CutIcon,
  DeleteIcon,
  DuplicateIcon,
  FitViewIcon,
  HelpIcon,
  type Icon,
  PasteIcon,
  RedoIcon,
  RenameIcon,
  SelectAllIcon,
  TidyIcon,
  UndoIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from '../../ui/icons.tsx';
import { FIT_OPTIONS } from '../canvas/fitOptions.ts';
import type { EditorState } from '../store/types.ts';
import * as actions from './actions.ts';
import type { CommandContext } from './context.ts';

/**
 * Every editor command, once: the toolbar, the canvas controls, the keyboard and the help
 * dialog all read this list. Adding a command here gives it a button (where a layout lists
 * it), a shortcut and a line in the help.
 */
export interface Command {
  id: CommandId;
  label: string;
  /** A longer explanation for the help dialog and tooltips. */
  description?: string;
  /** The first is the one shown; all of them work. */
  shortcuts: readonly string[];
  group: 'Run' | 'Edit' | 'Clipboard' | 'Selection' | 'View' | 'File' | 'Learn' | 'Help';
  icon: Icon;
  /** When false the toolbar button is disabled and the shortcut does nothing. */
  enabled?(state: EditorState): boolean;
  run(ctx: CommandContext): void | Promise<void>;
  /**
   * Copy, cut and paste arrive through the browser's clipboard events when a key is pressed
   * (that is what lets them reach other tabs without a permission prompt).
   */
  clipboardEvent?: 'copy' | 'cut' | 'paste';
  /**
   * The shortcut works while a text field has focus too: a field has no use for it, and the
   * browser's own meaning (Ctrl+S saves the web page) would surprise.
   */
  inFields?: boolean;
}

export type CommandId =
  | 'runPause'
  | 'step'
  | 'reset'
  | 'undo'
  | 'redo'
  | 'delete'
  | 'duplicate'
  | 'rename'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'clearSelection'
  | 'tidyUp'
  | 'fitView'
  | 'zoomIn'
  | 'zoomOut'
  | 'exportJson'
  | 'importJson'
  | 'exportPng'
  | 'exportSvg'
  | 'exportCsv'
  | 'openLibrary'
  | 'shareLink'
  | 'present'
  | 'learn'
  | 'createExercise'
  | 'help';

const hasSelection = (s: EditorState) => s.selectedNodes.size > 0 || s.selectedEdges.size > 0;
const hasSelectedNodes = (s: EditorState) => s.selectedNodes.size > 0;

export const commands: readonly Command[] = [
  // The run's toolbar (src/run/ui/RunControls.tsx) shows these with the run's own state.
  {
    id: 'runPause',
    label: 'Run / Pause',
    description: 'Run the simulation, or pause it',
    shortcuts: [RUN_SHORTCUTS.toggle],
    group: 'Run',
    icon: PlayIcon,
    run: ({ run }) => void run?.toggle(),
  },
  {
    id: 'step',
    label: 'Step',
    description: 'Run one simulated second, then pause',
    shortcuts: [RUN_SHORTCUTS.step],
    group: 'Run',
    icon: StepIcon,
    run: ({ run }) => void run?.step(),
  },
  {
    id: 'reset',
    label: 'Reset',
    description: 'Back to 0 s: the same run again, from the seed',
    shortcuts: [RUN_SHORTCUTS.reset],
    group: 'Run',
    icon: ResetIcon,
    run: ({ run }) => void run?.reset(),
  },
  // Files (src/files): the scenario as JSON both ways, pictures of the canvas, the charts' data.
  {
    id: 'exportJson',
    label: 'Export scenario (JSON)',
    description: 'Save the scenario as a JSON file, to import later or run with npx scalelab',
    shortcuts: ['Mod+S'],
    inFields: true,
    group: 'File',
    icon: ExportIcon,
    run: exportScenarioJson,
  },
  {
    id: 'importJson',
    label: 'Import scenario…',
    description: 'Open a scenario JSON file as a new copy (or drop the file on the canvas)',
    shortcuts: ['Mod+O'],
    inFields: true,
    group: 'File',
    icon: ImportIcon,
    run: importScenarioJson,
  },
  {
    id: 'exportPng',
    label: 'Export picture (PNG)',
    description: 'Save the whole topology as a PNG picture, for slides and documents',
    shortcuts: [],
    group: 'File',
    icon: ImageIcon,
    enabled: (s) => s.doc.nodes.length > 0,
    run: (ctx) => exportCanvasImage(ctx, 'png'),
  },
  {
    id: 'exportSvg',
    label: 'Export picture (SVG)',
    description: 'Save the whole topology as an SVG picture, sharp at any size',
    shortcuts: [],
    group: 'File',
    icon: ImageIcon,
    enabled: (s) => s.doc.nodes.length > 0,
    run: (ctx) => exportCanvasImage(ctx, 'svg'),
  },
  {
    id: 'exportCsv',
    label: 'Export chart data (CSV)',
    description: 'Save the charts’ time series (latency, throughput, errors, queues, …) as CSV',
    shortcuts: [],
    group: 'File',
    icon: TableIcon,
    run: exportSeriesCsv,
  },
  // The local library and links (src/library).
  {
    id: 'openLibrary',
    label: 'Library',
    description: 'Your saved scenarios: open, rename, duplicate, delete, or start a new one',
    shortcuts: ['Shift+O'],
    group: 'File',
    icon: LibraryIcon,
    run: () => openLibrary(),
  },
  {
    id: 'shareLink',
    label: 'Share link',
    description: 'Copy a link that opens this scenario, with its seed, for anyone',
    shortcuts: ['Shift+S'],
    group: 'File',
    icon: LinkIcon,
    run: ({ store }) => shareLink(store.getState().doc),
  },
  {
    id: 'present',
    label: 'Present',
    description: 'Hide the editing tools for a projector: canvas, run controls and charts only',
    shortcuts: ['Shift+P'],
    group: 'View',
    icon: PresentIcon,
    // The canvas changes width: show the whole topology again once it has.
    run: ({ flow }) => {
      togglePresent();
      requestAnimationFrame(() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 }));
    },
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    group: 'Edit',
    icon: UndoIcon,
    enabled: (s) => s.past.length > 0 || s.gestureBase !== null,
    run: ({ store }) => void store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    group: 'Edit',
    icon: RedoIcon,
    enabled: (s) => s.future.length > 0,
    run: ({ store }) => void store.getState().redo(),
  },
  {
    id: 'delete',
    label: 'Delete',
    description: 'Delete the selected components and connections',
    shortcuts: ['Delete', 'Backspace'],
    group: 'Edit',
    icon: DeleteIcon,
    enabled: hasSelection,
    run: actions.deleteSelection,
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    description: 'Copy the selected components, and the connections between them, in one step',
    shortcuts: ['Mod+D'],
    group: 'Edit',
    icon: DuplicateIcon,
    enabled: hasSelectedNodes,
    run: actions.duplicateSelection,
  },
  {
    id: 'rename',
    label: 'Rename',
    description: 'Rename the selected component (or double-click it)',
    shortcuts: ['F2'],
    group: 'Edit',
    icon: RenameIcon,
    enabled: (s) => s.selectedNodes.size === 1,
    run: actions.startRename,
  },
  {
    id: 'cut',
    label: 'Cut',
    shortcuts: ['Mod+X'],
    group: 'Clipboard',
    icon: CutIcon,
    enabled: hasSelectedNodes,
    run: (ctx) => void actions.copySelection(ctx, { cut: true }),
    clipboardEvent: 'cut',
  },
  {
    id: 'copy',
    label: 'Copy',
    description: 'Copy the selection as scenario JSON: paste it here, in another tab, or in a text editor',
    shortcuts: ['Mod+C'],
    group: 'Clipboard',
    icon: CopyIcon,
    enabled: hasSelectedNodes,
    run: (ctx) => void actions.copySelection(ctx),
    clipboardEvent: 'copy',
  },
  {
    id: 'paste',
    label: 'Paste',
    description: 'Paste components copied here or in another tab',
    shortcuts: ['Mod+V'],
    group: 'Clipboard',
    icon: PasteIcon,
    run: actions.paste,
    clipboardEvent: 'paste',
  },
  {
    id: 'selectAll',
    label: 'Select all',
    shortcuts: ['Mod+A'],
    group: 'Selection',
    icon: SelectAllIcon,
    run: ({ store }) => store.getState().selectAll(),
  },
  {
    id: 'clearSelection',
    label: 'Clear selection',
    shortcuts: ['Escape'],
    group: 'Selection',
    icon: SelectAllIcon,
    run: ({ store }) => store.getState().clearSelection(),
  },
  {
    id: 'tidyUp',
    label: 'Tidy up',
    description: 'Lay the components out left to right, in the order requests flow',
    shortcuts: ['Shift+T'],
    group: 'View',
    icon: TidyIcon,
    enabled: (s) => s.doc.nodes.length > 0,
    run: actions.tidyUp,
  },
  {
    id: 'fitView',
    label: 'Fit view',
    description: 'Zoom to show every component',
    shortcuts: ['F'],
    group: 'View',
    icon: FitViewIcon,
    run: actions.fitView,
  },
  {
    id: 'zoomIn',
    label: 'Zoom in',
    shortcuts: ['+', '='],
    group: 'View',
    icon: ZoomInIcon,
    run: ({ flow }) => void flow.zoomIn({ duration: 150 }),
  },
  {
    id: 'zoomOut',
    label: 'Zoom out',
    shortcuts: ['-'],
    group: 'View',
    icon: ZoomOutIcon,
    run: ({ flow }) => void flow.zoomOut({ duration: 150 }),
  },
  // Lessons and exercises (src/lessons/ui, src/exercises/ui).
  {
    id: 'learn',
    label: 'Learn',
    description: 'Open a lesson: a guided scenario with a goal to reach',
    shortcuts: ['L'],
    group: 'Learn',
    icon: LearnIcon,
    run: () => openLessonPicker(),
  },
  {
    id: 'createExercise',
    label: 'Create exercise',
    description: 'Turn this canvas (or the selected part) into an exercise link for students',
    shortcuts: ['Shift+E'],
    group: 'Learn',
    icon: ExerciseIcon,
    enabled: (s) => s.doc.nodes.length > 0,
    run: () => openAuthoring(),
  },
  {
    id: 'help',
    label: 'Keyboard shortcuts',
    description: 'Show every shortcut and gesture',
    shortcuts: ['?'],
    group: 'Help',
    icon: HelpIcon,
    run: ({ store }) => store.getState().setHelpOpen(true),
  },
];

export const commandById = Object.fromEntries(commands.map((c) => [c.id, c])) as Record<CommandId, Command>;
