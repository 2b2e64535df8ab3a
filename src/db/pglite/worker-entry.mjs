// Worker bootstrap: lets the worker load TypeScript whether or not the parent started with `--import tsx`.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
