import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { restoreOrThrow } from '../scenario/restore.ts';
import { toBase64Url } from '../share/base64url.ts';
import { encodeScenarioLink } from '../share/shareLink.ts';
import {
  decodeExerciseLink,
  decodeWorkshopLink,
  encodeExerciseLink,
  encodeWorkshopLink,
  linkKind,
} from './exerciseLink.ts';
import { exerciseOrThrow, restoreWorkshop } from './restore.ts';
import { smallExercise, smallScenario } from './testing.ts';

const exercise = exerciseOrThrow(
  smallExercise({
    goal: {
      conditions: [
        { metric: 'p99', max: 100, hint: 'Two servers.' },
        { metric: 'errorRate', max: 0.001 },
      ],
      constraints: {
        budgetPerMonth: 300,
        locked: ['web-1', { node: 'users', fields: 'traffic' }],
        rules: [{ label: 'Two servers', check: { kind: 'nodes', match: { type: 'server' }, min: 2 } }],
      },
    },
  }),
);

const errorOf = (r: ReturnType<typeof decodeExerciseLink>) => (r.ok ? 'ok' : r.error);

describe('exercise links', () => {
  it('round-trip an exercise exactly, as #x1.', () => {
    const link = encodeExerciseLink(exercise);
    expect(link).toMatch(/^#x1\.[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(800);
    const back = decodeExerciseLink(link);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.exercise).toEqual(exercise);
    expect(linkKind(link)).toBe('x');
    // A whole URL ending in the fragment works too.
    expect(decodeExerciseLink(`https://scalelab.example/app${link}`).ok).toBe(true);
  });

  it('round-trip a workshop, as #w1.', () => {
    const w = restoreWorkshop({
      type: 'scalelab-workshop',
      version: 1,
      title: 'Week 3: failure',
      description: 'Two exercises.',
      exercises: [exercise, { ...exercise, id: 'second', title: 'Second' }],
    });
    if (!w.ok) throw new Error(w.error);
    const link = encodeWorkshopLink(w.workshop);
    expect(linkKind(link)).toBe('w');
    const back = decodeWorkshopLink(link);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.workshop).toEqual(w.workshop);
  });

  it('say what is wrong with a link that is not an exercise link', () => {
    expect(errorOf(decodeExerciseLink(encodeScenarioLink(restoreOrThrow(smallScenario()))))).toBe(
      'This is a scenario link, not an exercise link.',
    );
    expect(errorOf(decodeExerciseLink('#w1.AAAA'))).toBe('This is a workshop link, not an exercise link.');
    expect(errorOf(decodeExerciseLink('hello'))).toMatch(/should start with #x1\./);
    expect(errorOf(decodeExerciseLink('#x9.AAAA'))).toMatch(/newer version of ScaleLab/);
    expect(errorOf(decodeExerciseLink('#x1.@@@'))).toMatch(/characters a ScaleLab link never has/);
    expect(errorOf(decodeExerciseLink(`#x1.${'A'.repeat(300_000)}`))).toMatch(/too long/);
  });

  it('say a cut or damaged link is damaged, never throw', () => {
    const link = encodeExerciseLink(exercise);
    for (const cut of [10, 20, link.length - 5, link.length - 1]) {
      const r = decodeExerciseLink(link.slice(0, cut));
      expect(r.ok).toBe(false);
      expect(errorOf(r)).toMatch(/damaged|ends too early|not a ScaleLab/);
    }
    for (let i = 4; i < link.length; i += 7) {
      const c = link[i] === 'A' ? 'B' : 'A';
      expect(() => decodeExerciseLink(link.slice(0, i) + c + link.slice(i + 1))).not.toThrow();
    }
  });

  it('stop a decompression bomb at the cap', () => {
    const bomb = deflateSync(new Uint8Array(8_000_000));
    const payload = new Uint8Array(bomb.length + 1);
    payload[0] = 1;
    payload.set(bomb, 1);
    expect(errorOf(decodeExerciseLink(`#x1.${toBase64Url(payload)}`))).toMatch(/damaged|more than/);
  });

  it('go through the exercise restore funnel', () => {
    const raw = new TextEncoder().encode(JSON.stringify({ title: '' }));
    // A raw payload: the exercise JSON (length-prefixed) and an empty scenario.
    const body = new Uint8Array(raw.length + 3);
    body[0] = 0;
    body[1] = raw.length;
    body.set(raw, 2);
    body[raw.length + 2] = 0;
    expect(errorOf(decodeExerciseLink(`#x1.${toBase64Url(body)}`))).toMatch(/start scenario|damaged/);
  });
});
