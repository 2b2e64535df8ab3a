#!/usr/bin/env node
// Entry point for `npx giamngheo …`: registers tsx so the TypeScript sources run directly.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
