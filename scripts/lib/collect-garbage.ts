/**
 * A full garbage collection now, in Node (the data build's main thread). The decisions leave a few
 * hundred MB of garbage in the main heap that V8 collects only well into the parts stage, while two
 * part threads fill their own heaps: the build's peak. Node exposes `gc` only behind a flag, which
 * can be set at run time; a new context then holds the function.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
