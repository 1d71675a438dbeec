import { useCallback, useMemo, useState } from 'react';
import { useEditorStore } from '../../editor/store/context.tsx';
import { Dialog } from '../../lessons/ui/Dialog.tsx';
import { learnStore, useLearn } from '../../lessons/ui/learnStore.ts';
import { components, type NodeType, nodeTypes } from '../../scenario/index.ts';
import { createExercise, createWorkshop } from '../author.ts';
import { encodeExerciseLink, encodeWorkshopLink } from '../exerciseLink.ts';
import type { Exercise } from '../goals.ts';
import { type MetricId, metricDef } from '../metrics.ts';
import {
  type AuthorForm,
  buildDraft,
  type ConditionRow,
  emptyForm,
  linkUrl,
  metricChoices,
  shownUnit,
  targetChoices,
  withMetric,
} from './authoring.ts';
import './author.css';

type Made = { ok: true; exercise: Exercise; url: string; warnings: string[] } | { ok: false; error: string };

/**
 * Teacher authoring: the brief, goals and constraints of an exercise made from this canvas
 * (or its selected part), turned into a link; several of them into a workshop link. Every
 * text is the teacher's and is shown as text only.
 */
export default function AuthorDialog() {
  const store = useEditorStore();
  // The canvas and selection as they were when the dialog opened: the exercise is made of them.
  const [{ canvas, selection }] = useState(() => {
    const s = store.getState();
    return { canvas: s.doc, selection: [...s.selectedNodes] };
  });
  const [form, setForm] = useState<AuthorForm>(() => emptyForm(selection));
  const [made, setMade] = useState<Made | null>(null);
  const set = (patch: Partial<AuthorForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setMade(null);
  };
  const start = useMemo(() => {
    const d = buildDraft({ ...form, title: form.title || 'x' }, canvas, selection);
    return d.ok ? d.start : canvas;
  }, [form, canvas, selection]);
  const metrics = useMemo(() => metricChoices(start), [start]);
  const startTypes = useMemo(() => [...new Set(start.nodes.map((n) => n.type))], [start]);
  const close = () => learnStore.setState({ authorOpen: false });

  const setRow = (key: number, row: ConditionRow | null) =>
    set({
      conditions: row
        ? form.conditions.map((c) => (c.key === key ? row : c))
        : form.conditions.filter((c) => c.key !== key),
    });

  const make = () => {
    const d = buildDraft(form, canvas, selection);
    if (!d.ok) return setMade(d);
    const r = createExercise(d.draft);
    if (!r.ok) return setMade({ ok: false, error: r.error });
    setMade({
      ok: true,
      exercise: r.exercise,
      url: linkUrl(window.location, encodeExerciseLink(r.exercise)),
      warnings: r.warnings,
    });
  };

  return (
    <Dialog title="Create an exercise" titleId="sl-author-title" onClose={close} wide>
      <p className="sl-learn-dialog__intro">
        Students open the link with this design as their start, read your brief, and press Check: the
        simulation grades their design with your goals, under this scenario’s seed, duration and faults.
      </p>
      <div className="sl-author">
        <div className="sl-author__col">
          <label className="sl-author__field">
            <span>Title</span>
            <input
              value={form.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
              placeholder="Survive the loss of web-1"
            />
          </label>
          <label className="sl-author__field">
            <span>Brief: what students must do, with the traffic and faults</span>
            <textarea
              rows={5}
              maxLength={4000}
              value={form.brief}
              onChange={(e) => set({ brief: e.target.value })}
            />
          </label>
          <label className="sl-author__field">
            <span>Hints, one per line (shown one at a time)</span>
            <textarea rows={3} value={form.hints} onChange={(e) => set({ hints: e.target.value })} />
          </label>
          <fieldset className="sl-author__group">
            <legend>Start</legend>
            <label className="sl-author__check">
              <input
                type="radio"
                name="sl-author-start"
                checked={form.start === 'canvas'}
                onChange={() => set({ start: 'canvas' })}
              />
              The whole canvas ({canvas.nodes.length} components)
            </label>
            <label className="sl-author__check">
              <input
                type="radio"
                name="sl-author-start"
                disabled={selection.length === 0}
                checked={form.start === 'selection'}
                onChange={() => set({ start: 'selection' })}
              />
              The selected part ({selection.length} {selection.length === 1 ? 'component' : 'components'})
            </label>
          </fieldset>
          <fieldset className="sl-author__group">
            <legend>Lock components (students may not change their settings)</legend>
            <div className="sl-author__chips">
              {start.nodes.map((n) => (
                <label key={n.id} className="sl-author__check">
                  <input
                    type="checkbox"
                    checked={form.locked.includes(n.id)}
                    onChange={(e) =>
                      set({
                        locked: e.target.checked
                          ? [...form.locked, n.id]
                          : form.locked.filter((x) => x !== n.id),
                      })
                    }
                  />
                  <code>{n.id}</code>
                </label>
              ))}
            </div>
            {selection.length > 0 && (
              <button
                type="button"
                className="sl-button sl-button--label"
                onClick={() => set({ locked: [...new Set([...form.locked, ...selection])] })}
              >
                Lock the {selection.length} selected
              </button>
            )}
            <label className="sl-author__check">
              <input
                type="checkbox"
                checked={form.lockTraffic}
                onChange={(e) => set({ lockTraffic: e.target.checked })}
              />
              Keep the users’ traffic as it is
            </label>
          </fieldset>
        </div>
        <div className="sl-author__col">
          <fieldset className="sl-author__group">
            <legend>Goals (all must hold)</legend>
            {form.conditions.map((row, i) => (
              <GoalRow
                key={row.key}
                n={i + 1}
                row={row}
                metrics={metrics}
                start={start}
                onChange={(r) => setRow(row.key, r)}
              />
            ))}
            <button
              type="button"
              className="sl-button sl-button--label"
              onClick={() =>
                set({
                  conditions: [
                    ...form.conditions,
                    {
                      ...withMetric(
                        { key: 0, metric: 'p99', bound: 'max', value: '', target: '' },
                        'errorRate',
                        start,
                      ),
                      key: Date.now(),
                      value: '1',
                    },
                  ],
                })
              }
            >
              Add a goal
            </button>
          </fieldset>
          <fieldset className="sl-author__group">
            <legend>Allowed components (none ticked: any)</legend>
            <div className="sl-author__chips">
              {nodeTypes.map((t) => (
                <label key={t} className="sl-author__check">
                  <input
                    type="checkbox"
                    checked={form.allowedTypes.includes(t)}
                    onChange={(e) =>
                      set({
                        allowedTypes: e.target.checked
                          ? [...form.allowedTypes, t]
                          : form.allowedTypes.filter((x) => x !== t),
                      })
                    }
                  />
                  {components[t].label}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="sl-author__group">
            <legend>Most of each kind (empty: no limit)</legend>
            <div className="sl-author__counts">
              {(form.allowedTypes.length > 0 ? form.allowedTypes : startTypes).map((t: NodeType) => (
                <label key={t} className="sl-author__count">
                  <span>{components[t].label}</span>
                  <input
                    inputMode="numeric"
                    value={form.maxCount[t] ?? ''}
                    onChange={(e) => set({ maxCount: { ...form.maxCount, [t]: e.target.value } })}
                  />
                </label>
              ))}
            </div>
            <label className="sl-author__count">
              <span>Budget, $ a month</span>
              <input
                inputMode="decimal"
                value={form.budget}
                onChange={(e) => set({ budget: e.target.value })}
              />
            </label>
          </fieldset>
        </div>
      </div>
      <footer className="sl-author__footer">
        <button type="button" className="sl-button sl-button--label sl-button--primary" onClick={make}>
          Create link
        </button>
        {made && !made.ok && (
          <p className="sl-learn__error" role="alert">
            {made.error}
          </p>
        )}
      </footer>
      {made?.ok && <MadeLink made={made} />}
      <WorkshopDraft />
    </Dialog>
  );
}

function GoalRow({
  n,
  row,
  metrics,
  start,
  onChange,
}: {
  n: number;
  row: ConditionRow;
  metrics: Array<{ id: MetricId; label: string }>;
  start: import('../../scenario/index.ts').Scenario;
  onChange(row: ConditionRow | null): void;
}) {
  const def = metricDef(row.metric);
  const targets = targetChoices(row.metric, start);
  return (
    <fieldset className="sl-author__goal">
      <legend className="sl-visually-hidden">Goal {n}</legend>
      <select
        aria-label={`Goal ${n}: measure`}
        value={row.metric}
        onChange={(e) => onChange(withMetric(row, e.target.value as MetricId, start))}
      >
        {metrics.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
      {targets.length > 0 && (
        <select
          aria-label={`Goal ${n}: of`}
          value={row.target}
          onChange={(e) => onChange({ ...row, target: e.target.value })}
        >
          {targets.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label={`Goal ${n}: bound`}
        value={row.bound}
        onChange={(e) => onChange({ ...row, bound: e.target.value as 'max' | 'min' })}
      >
        <option value="max">at most</option>
        <option value="min">at least</option>
      </select>
      <input
        aria-label={`Goal ${n}: value`}
        inputMode="decimal"
        value={row.value}
        onChange={(e) => onChange({ ...row, value: e.target.value })}
      />
      <span className="sl-author__unit">{shownUnit(def.unit)}</span>
      <button
        type="button"
        className="sl-button sl-button--label"
        aria-label={`Remove goal ${n}`}
        onClick={() => onChange(null)}
      >
        Remove
      </button>
    </fieldset>
  );
}

function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="sl-author__link">
      <input readOnly aria-label={label} value={url} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="sl-button sl-button--label sl-button--primary"
        onClick={() =>
          navigator.clipboard.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

function MadeLink({ made }: { made: Made & { ok: true } }) {
  const draft = useLearn((s) => s.workshopDraft);
  const shown = useCallback((el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' }), []);
  const added = draft.includes(made.exercise);
  return (
    <section className="sl-author__made" aria-label="Exercise link" ref={shown}>
      <p>
        <strong>Exercise link ready</strong>{' '}
        <span className="sl-muted">({made.url.length.toLocaleString('en-US')} characters)</span>
      </p>
      <CopyLink url={made.url} label="Exercise link" />
      {made.warnings.length > 0 && (
        <ul className="sl-learn__warning">
          {made.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="sl-button sl-button--label"
        disabled={added}
        onClick={() => learnStore.setState({ workshopDraft: [...draft, made.exercise] })}
      >
        {added ? 'Added to the workshop' : 'Add to workshop'}
      </button>
    </section>
  );
}

function WorkshopDraft() {
  const draft = useLearn((s) => s.workshopDraft);
  const [title, setTitle] = useState('Workshop');
  const [link, setLink] = useState<{ url: string } | { error: string } | null>(null);
  if (draft.length === 0) return null;
  const update = (next: Exercise[]) => {
    learnStore.setState({ workshopDraft: next });
    setLink(null);
  };
  const move = (i: number, by: number) => {
    const next = [...draft];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x as Exercise);
    update(next);
  };
  return (
    <section className="sl-author__workshop" aria-label="Workshop">
      <h3 className="sl-learn__subtitle">Workshop: exercises in order</h3>
      <ol>
        {draft.map((ex, i) => (
          <li key={draftKey(ex)}>
            <span>{ex.title}</span>
            <button
              type="button"
              className="sl-button sl-button--label"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move ${ex.title} up`}
            >
              Up
            </button>
            <button
              type="button"
              className="sl-button sl-button--label"
              disabled={i === draft.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${ex.title} down`}
            >
              Down
            </button>
            <button
              type="button"
              className="sl-button sl-button--label"
              onClick={() => update(draft.filter((_, j) => j !== i))}
              aria-label={`Remove ${ex.title}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="sl-author__link">
        <input
          aria-label="Workshop title"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button
          type="button"
          className="sl-button sl-button--label"
          onClick={() => {
            const r = createWorkshop(title.trim() || 'Workshop', draft);
            setLink(
              r.ok ? { url: linkUrl(window.location, encodeWorkshopLink(r.workshop)) } : { error: r.error },
            );
          }}
        >
          Make workshop link
        </button>
      </div>
      {link && 'url' in link && <CopyLink url={link.url} label="Workshop link" />}
      {link && 'error' in link && (
        <p className="sl-learn__error" role="alert">
          {link.error}
        </p>
      )}
    </section>
  );
}

const draftKeys = new WeakMap<Exercise, number>();
let nextDraftKey = 0;
/** A key for an exercise in the workshop draft (the same exercise is never added twice). */
function draftKey(ex: Exercise): number {
  let k = draftKeys.get(ex);
  if (k === undefined) {
    k = ++nextDraftKey;
    draftKeys.set(ex, k);
  }
  return k;
}
