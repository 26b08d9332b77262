#!/usr/bin/env node
// Entry point of `npx sac …`: loads TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
