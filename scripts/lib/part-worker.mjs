// A thread of the data build that writes detail parts: tsx's loader first (a worker does not
// inherit it), then the TypeScript writer (part-worker-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./part-worker-thread.ts');
