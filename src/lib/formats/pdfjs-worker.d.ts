/** pdf.js's worker module, imported to run it on the main thread (pdfjs-dist ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
