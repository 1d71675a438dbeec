import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../scenario/index.ts';

/**
 * The library's view state, reachable from the command list (which runs outside React):
 * the library dialog, the share-link popover and the present view.
 */
export interface LibraryUiState {
  libraryOpen: boolean;
  /** The link last made by "Share link", and whether it reached the clipboard. */
  share: { link: string; copied: boolean | null } | null;
  present: boolean;
}

export const libraryUi = createStore<LibraryUiState>()(() => ({
  libraryOpen: false,
  share: null,
  present: typeof location !== 'undefined' && new URLSearchParams(location.search).has('present'),
}));

// The present view is a page attribute the stylesheet reads; set before the first render, so
// the canvas fits its full width from the start.
if (typeof document !== 'undefined') {
  const show = (present: boolean) => {
    if (present) document.documentElement.dataset.present = '';
    else delete document.documentElement.dataset.present;
  };
  show(libraryUi.getState().present);
  libraryUi.subscribe((s, prev) => {
    if (s.present !== prev.present) show(s.present);
  });
}

export function openLibrary(): void {
  libraryUi.setState({ libraryOpen: true });
}

/** The page's address with the scenario in its fragment (nothing of it is sent to a server). */
export async function shareLinkFor(
  scenario: Scenario,
  at: { origin: string; pathname: string },
): Promise<string> {
  // The link codec (and its deflate) is not needed before someone shares.
  const { encodeScenarioLink } = await import('../share/shareLink.ts');
  return `${at.origin}${at.pathname}${encodeScenarioLink(scenario)}`;
}

/** Makes the link, shows it, and puts it on the clipboard where the browser allows. */
export async function shareLink(scenario: Scenario): Promise<void> {
  const link = await shareLinkFor(scenario, location);
  libraryUi.setState({ share: { link, copied: null } });
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // No permission, or a plain-http page: the popover shows the link selected for Ctrl+C.
  }
  if (libraryUi.getState().share?.link === link) libraryUi.setState({ share: { link, copied } });
}

/** Hides the editing chrome for a projector; kept in the address (`?present`) across reloads. */
export function togglePresent(): void {
  const present = !libraryUi.getState().present;
  libraryUi.setState({ present });
  const url = new URL(location.href);
  if (present) url.searchParams.set('present', '');
  else url.searchParams.delete('present');
  history.replaceState(history.state, '', url.href.replace(/([?&]present)=(?=&|#|$)/, '$1'));
}
