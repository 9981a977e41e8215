// `mldebt-lsp` (dist/server.js, also what the VS Code client starts): sets the process's V8 flags,
// then runs the language server's bundle (dist/server-main.js) from its code cache
// (engine/codeCache.ts). Small and apart from the bundle, so that loading it costs next to nothing.
import * as path from 'node:path';
import { runBundle } from '../engine/codeCache';
import { tuneTiering } from '../engine/tiering';
import { allowCollection } from '../memory';

// The flags must be those the cache was made under, or V8 rejects it: set them before compiling.
tuneTiering();
allowCollection();
runBundle(__filename, path.join(__dirname, 'server-main.js'), 'when-warm');
