#!/usr/bin/env node
// `npx redress …`: runs the TypeScript CLI in this very process, with tsx registered as a loader
// (no build step, and no wrapper process: SIGTERM and SIGINT reach the server itself, ADR 0015).
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
register();
await import(pathToFileURL(path.join(root, 'src/cli/index.ts')).href);
