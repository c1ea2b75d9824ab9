/**
 * What a view shows while its queries run, when they fail, and when they are done: one helper
 * instead of a hand copy per view. A `Load` runs its loader, keeps `status`, `error` and the
 * last `value`, and drops the answer of any run that a newer one replaced — a quick change of
 * filters must not let the older, slower answer land last. `load()` reruns it whenever the
 * reactive values its loader reads (before its first `await`) change.
 */
export type LoadStatus = 'loading' | 'ready' | 'failed';

export class Load<T> {
  status = $state<LoadStatus>('loading');
  /** The last value loaded: kept while the next run loads, so a view does not blank on every change. */
  value = $state.raw<T | undefined>(undefined);
  /** Whether any run has succeeded yet (a loader may resolve to null or undefined). */
  loaded = $state(false);
  error = $state<string | null>(null);
  #loader: (signal: AbortSignal) => Promise<T>;
  #latest = 0;
  #controller: AbortController | null = null;

  /** The loader may watch `signal`: it aborts when a newer run starts or the view goes (e.g. to skip a debounced query). */
  constructor(loader: (signal: AbortSignal) => Promise<T>) {
    this.#loader = loader;
  }

  /** Starts a run; settles once it has been applied or found superseded. */
  run(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const id = ++this.#latest;
    this.status = 'loading';
    this.error = null;
    let pending: Promise<T>;
    try {
      pending = this.#loader(controller.signal);
    } catch (e) {
      pending = Promise.reject(e);
    }
    return pending.then(
      (value) => {
        if (id !== this.#latest) return;
        this.value = value;
        this.loaded = true;
        this.status = 'ready';
      },
      (e: unknown) => {
        if (id !== this.#latest) return;
        this.error = e instanceof Error ? e.message : String(e);
        this.status = 'failed';
      },
    );
  }

  /** For a retry button: runs again with the same inputs. */
  retry = () => {
    void this.run();
  };

  /** Ignores every run still pending (the view that wanted it is gone, or its inputs changed). */
  cancel() {
    this.#latest++;
    this.#controller?.abort();
  }
}

/**
 * A Load run in an effect of the calling component: now, and again whenever what the loader reads
 * synchronously changes (read the inputs first, then await). Call it during component setup.
 */
export function load<T>(loader: (signal: AbortSignal) => Promise<T>): Load<T> {
  const l = new Load(loader);
  $effect(() => {
    void l.run();
    return () => l.cancel();
  });
  return l;
}
