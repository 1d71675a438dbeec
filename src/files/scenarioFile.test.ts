import { describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../scenario/examples/defaultScenario.ts';
import { restoreOrThrow } from '../scenario/index.ts';
import {
  formatBytes,
  MAX_FILE_BYTES,
  mayBeScenarioFile,
  readScenarioFile,
  type ScenarioFileLike,
  scenarioJson,
} from './scenarioFile.ts';

function file(name: string, text: string, size = new TextEncoder().encode(text).length): ScenarioFileLike {
  return { name, size, text: async () => text };
}

describe('scenario files', () => {
  const doc = restoreOrThrow(defaultScenarioInput);

  it('exports the document pretty-printed, and it reads back as the same document', async () => {
    const text = scenarioJson(doc);
    expect(text).toContain('\n  "type": "scalelab-scenario",');
    const r = await readScenarioFile(file('three-tiers.json', text));
    expect(r).toEqual({ ok: true, scenario: doc, migratedFrom: null });
  });

  it('refuses a file that is not JSON, naming the file and the problem', async () => {
    const r = await readScenarioFile(file('notes.json', '{"type": "scalelab-scenario", nodes: ['));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(
      /^“notes\.json” was not opened \(your work is unchanged\)\. This is not valid JSON/,
    );
  });

  it('passes on the restore funnel’s message for a wrong document', async () => {
    const bad = { ...defaultScenarioInput, nodes: [{ id: 'x', type: 'toaster' }] };
    const r = await readScenarioFile(file('bad.json', JSON.stringify(bad)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain('nodes[0] "x"');
    expect(r.reason).toContain('unknown node type "toaster"');

    const other = await readScenarioFile(file('package.json', '{"name": "scalelab"}'));
    expect(other.ok || other.reason).toContain(
      'This is not a ScaleLab scenario: the field "type" is missing',
    );
  });

  it('refuses a file over the cap without reading it', async () => {
    let read = false;
    const big: ScenarioFileLike = {
      name: 'huge.json',
      size: 3 * 1024 * 1024 + 200_000,
      text: async () => {
        read = true;
        return '';
      },
    };
    const r = await readScenarioFile(big);
    expect(read).toBe(false);
    expect((await readScenarioFile({ ...big, size: MAX_FILE_BYTES + 1 })).ok).toBe(false);
    expect(r.ok || r.reason).toBe(
      '“huge.json” was not opened: it is 3.2 MB, over the 2 MB limit for a scenario file. Your work is unchanged.',
    );
  });

  it('reports a file the browser cannot read', async () => {
    const gone: ScenarioFileLike = {
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('the file was moved')),
    };
    const r = await readScenarioFile(gone);
    expect(r.ok || r.reason).toBe(
      '“gone.json” could not be read (the file was moved). Your work is unchanged.',
    );
  });

  it('tries JSON, text and unknown files, and refuses pictures', () => {
    expect(mayBeScenarioFile({ name: 'a.JSON', type: '' })).toBe(true);
    expect(mayBeScenarioFile({ name: 'a', type: 'application/json' })).toBe(true);
    expect(mayBeScenarioFile({ name: 'a.txt', type: 'text/plain' })).toBe(true);
    expect(mayBeScenarioFile({ name: 'download', type: '' })).toBe(true);
    expect(mayBeScenarioFile({ name: 'download', type: 'application/octet-stream' })).toBe(true);
    expect(mayBeScenarioFile({ name: 'a.png', type: 'image/png' })).toBe(false);
    expect(mayBeScenarioFile({ name: 'a.pdf', type: 'application/pdf' })).toBe(false);
  });

  it('writes sizes people read', () => {
    expect(formatBytes(3 * 1024 * 1024 + 200_000)).toBe('3.2 MB');
    expect(formatBytes(2048)).toBe('2 kB');
    expect(formatBytes(1)).toBe('1 byte');
  });
});
