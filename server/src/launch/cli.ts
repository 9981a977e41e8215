// `mldebt` (dist/cli.js): sets the process's V8 flags, then runs the CLI's bundle (dist/cli-main.js)
// from its code cache (engine/codeCache.ts). Worker threads of `check --jobs` start this file too.
// Kept apart from the bundle, and small, so that loading it costs next to nothing.
import * as path from 'node:path';
import { runBundle } from '../engine/codeCache';
import { tuneTiering } from '../engine/tiering';

// The flags must be those the cache was made under, or V8 rejects it: set them before compiling.
tuneTiering();
runBundle(__filename, path.join(__dirname, 'cli-main.js'), 'at-exit');
