// A worker thread of the data build: tsx's loader first (a worker does not inherit it), then the
// TypeScript reader (read-worker-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./read-worker-thread.ts');
