import type { ChangeEvent, KeyboardEvent } from 'react';
import { ariaShortcut, formatShortcut } from '../../editor/commands/shortcuts.ts';
import { isSpeed, SPEEDS, type Speed, speedLabel } from '../pacing.ts';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons.tsx';
import { useRun, useRunController } from './RunContext.tsx';
import { RUN_SHORTCUTS } from './runShortcuts.ts';
import './run.css';

/**
 * Run / Pause (one button whose name says what it will do), Step, Reset, speed and the
 * simulated clock. Each piece selects only what it shows: the clock re-renders per frame,
 * the buttons only when the status changes.
 */
export function RunControls() {
  return (
    <div
      className="sl-run"
      role="toolbar"
      aria-label="Run controls"
      aria-orientation="horizontal"
      onKeyDown={moveFocusWithArrows}
    >
      <RunPauseButton />
      <StepButton />
      <ResetButton />
      <SpeedSelect />
      <Clock />
      <LagBadge />
    </div>
  );
}

function RunPauseButton() {
  const controller = useRunController();
  const running = useRun((s) => s.status === 'running');
  const label = running ? 'Pause' : 'Run';
  return (
    <button
      type="button"
      className={`sl-button sl-run__main${running ? ' is-running' : ''}`}
      aria-keyshortcuts={ariaShortcut(RUN_SHORTCUTS.toggle)}
      data-tooltip={`${running ? 'Pause the simulation' : 'Run the simulation'} (${formatShortcut(RUN_SHORTCUTS.toggle)})`}
      onClick={() => void controller.toggle()}
    >
      {running ? <PauseIcon size={16} /> : <PlayIcon size={16} />}
      <span>{label}</span>
    </button>
  );
}

function StepButton() {
  const controller = useRunController();
  const finished = useRun((s) => s.status === 'finished');
  return (
    <button
      type="button"
      className="sl-button sl-button--icon"
      aria-label="Step"
      aria-keyshortcuts={ariaShortcut(RUN_SHORTCUTS.step)}
      data-tooltip={`Run one simulated second, then pause (${formatShortcut(RUN_SHORTCUTS.step)})`}
      disabled={finished}
      onClick={() => void controller.step()}
    >
      <StepIcon />
    </button>
  );
}

function ResetButton() {
  const controller = useRunController();
  const idle = useRun((s) => s.status === 'idle');
  // Edits that only a new run can take (seed, duration, warm-up) are waiting.
  const pending = useRun((s) => s.stale);
  return (
    <button
      type="button"
      className={`sl-button sl-button--icon${pending ? ' sl-run__pending' : ''}`}
      aria-label="Reset"
      aria-description={
        pending ? 'Your changes to the seed, duration or warm-up apply after Reset' : undefined
      }
      aria-keyshortcuts={ariaShortcut(RUN_SHORTCUTS.reset)}
      data-tooltip={`${pending ? 'Reset to run with your new settings' : 'Back to 0 s: the same run again, from the seed'} (${formatShortcut(RUN_SHORTCUTS.reset)})`}
      disabled={idle}
      onClick={() => void controller.reset()}
    >
      <ResetIcon />
    </button>
  );
}

function SpeedSelect() {
  const controller = useRunController();
  const speed = useRun((s) => s.speed);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const v = e.target.value === 'max' ? 'max' : Number(e.target.value);
    if (isSpeed(v)) void controller.setSpeed(v as Speed);
  };
  return (
    <select
      className="sl-run__speed"
      aria-label="Speed"
      data-tooltip="Simulated seconds per real second"
      value={String(speed)}
      onChange={onChange}
    >
      {SPEEDS.map((s) => (
        <option key={String(s)} value={String(s)}>
          {s === 'max' ? 'Max' : speedLabel(s)}
        </option>
      ))}
    </select>
  );
}

/** The simulated clock, "12.3 s / 120 s": re-rendered only when the shown text changes. */
function Clock() {
  const text = useRun((s) =>
    s.status === 'idle'
      ? '0.0 s'
      : `${(s.clockMs / 1000).toFixed(1)} s / ${Math.round(s.durationMs / 1000)} s`,
  );
  const finished = useRun((s) => s.status === 'finished');
  return (
    // A timer, not a status: it changes every frame and is not announced.
    <span
      className={`sl-run__clock${finished ? ' is-finished' : ''}`}
      role="timer"
      aria-label="Simulated time"
    >
      {text}
    </span>
  );
}

/** Shown only when the worker cannot keep up with the chosen speed. */
function LagBadge() {
  const text = useRun((s) =>
    s.lagging && s.status === 'running' && s.speed !== 'max'
      ? `Can't keep up: ×${s.achievedSpeed >= 10 ? Math.round(s.achievedSpeed) : s.achievedSpeed.toFixed(1)}`
      : null,
  );
  if (!text) return null;
  return (
    <span
      className="sl-run__lag"
      data-tooltip="This machine simulates more slowly than the chosen speed: the run goes as fast as it can."
    >
      {text}
    </span>
  );
}

/** Arrow keys move between the controls, as in the editing toolbar. */
function moveFocusWithArrows(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  if (e.target instanceof HTMLSelectElement) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), select')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  e.preventDefault();
  items[(at + (e.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length]?.focus();
}
