/**
 * Where copy and paste read and write. Keyboard copy/paste go through the browser's own
 * clipboard events (no permission prompt, works across tabs); toolbar buttons use the async
 * Clipboard API. Both keep a copy in memory, for browsers or contexts that refuse access.
 */
export interface ClipboardPort {
  /** Synchronous where it can be: a clipboard event's data can only be set during the event. */
  write(text: string): void;
  read(): Promise<string | null>;
}

let memory: string | null = null;

export const systemClipboard: ClipboardPort = {
  write(text) {
    memory = text;
    navigator.clipboard?.writeText(text).catch(() => {
      // Permission refused or no focus: the in-memory copy still works within this tab.
    });
  },
  async read() {
    try {
      const text = await navigator.clipboard?.readText();
      if (text) return text;
    } catch {
      // Permission refused: fall back to what this tab copied.
    }
    return memory;
  },
};

export function eventClipboard(event: ClipboardEvent): ClipboardPort {
  return {
    write(text) {
      memory = text;
      event.clipboardData?.setData('text/plain', text);
    },
    async read() {
      return event.clipboardData?.getData('text/plain') || memory;
    },
  };
}
