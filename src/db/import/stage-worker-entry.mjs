// Worker bootstrap for parallel CSV staging: lets the worker load TypeScript whether or not the parent
// started with `--import tsx` (as src/db/pglite/worker-entry.mjs does for the database worker).
import { register } from 'tsx/esm/api';
register();
await import('./stage-worker.ts');
