/** The views' loading helper: the last run wins, a failure is a state with its message, a retry runs again. */
import { describe, expect, it } from 'vitest';
import { Load } from '../src/lib/app/load.svelte';

/** A promise resolved or rejected from outside, to finish runs in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Load', () => {
  it('is loading, then ready with the value', async () => {
    const d = deferred<string[]>();
    const l = new Load(() => d.promise);
    const done = l.run();
    expect([l.status, l.loaded, l.value]).toEqual(['loading', false, undefined]);
    d.resolve(['a']);
    await done;
    expect([l.status, l.loaded, l.value, l.error]).toEqual(['ready', true, ['a'], null]);
  });

  it('ignores the answer of a run that a newer one replaced, even when it comes last', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let n = 0;
    const l = new Load(() => answers[n++].promise);
    const first = l.run();
    const second = l.run();
    answers[1].resolve('new filters');
    await second;
    expect(l.value).toBe('new filters');
    answers[0].resolve('old filters');
    await first;
    expect([l.status, l.value]).toEqual(['ready', 'new filters']);
  });

  it('ignores a superseded run that fails', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let n = 0;
    const l = new Load(() => answers[n++].promise);
    const first = l.run();
    const second = l.run();
    answers[1].resolve('ok');
    answers[0].reject(new Error('old and broken'));
    await Promise.all([first, second]);
    expect([l.status, l.error, l.value]).toEqual(['ready', null, 'ok']);
  });

  it('keeps the last value while the next run loads', async () => {
    const answers = [deferred<number>(), deferred<number>()];
    let n = 0;
    const l = new Load(() => answers[n++].promise);
    const first = l.run();
    answers[0].resolve(1);
    await first;
    void l.run();
    expect([l.status, l.loaded, l.value]).toEqual(['loading', true, 1]);
  });

  it('fails with the message of the error, and a retry runs the loader again', async () => {
    let calls = 0;
    const l = new Load(async () => {
      calls++;
      if (calls === 1) throw new Error('no such table: report_overview');
      return 'fine';
    });
    await l.run();
    expect([l.status, l.error, l.loaded]).toEqual(['failed', 'no such table: report_overview', false]);
    l.retry();
    expect(l.status).toBe('loading');
    await new Promise((r) => setTimeout(r, 0));
    expect([l.status, l.error, l.value, calls]).toEqual(['ready', null, 'fine', 2]);
  });

  it('fails, not throws, when the loader throws before returning a promise', async () => {
    const l = new Load<number>(() => {
      throw new Error('the database is not loaded');
    });
    await l.run();
    expect([l.status, l.error]).toEqual(['failed', 'the database is not loaded']);
  });

  it('after cancel, a pending answer changes nothing', async () => {
    const d = deferred<string>();
    const l = new Load(() => d.promise);
    const done = l.run();
    l.cancel();
    d.resolve('late');
    await done;
    expect([l.status, l.loaded, l.value]).toEqual(['loading', false, undefined]);
  });
});

describe('Load signal', () => {
  it('aborts the signal of a run when a newer one starts', async () => {
    const signals: AbortSignal[] = [];
    const l = new Load(async (signal) => {
      signals.push(signal);
      return signals.length;
    });
    const first = l.run();
    const second = l.run();
    await Promise.all([first, second]);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    expect(l.value).toBe(2);
  });
});
