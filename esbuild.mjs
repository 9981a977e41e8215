// Bundles the extension client, the language server and the CLI, and places the two
// WebAssembly files the server loads at run time: the web-tree-sitter runtime next to the
// bundles (dist/) and the Python grammar in grammars/ (both taken from pinned npm packages).
// `--production` (used to package the .vsix) minifies and writes no source maps.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const root = path.dirname(new URL(import.meta.url).pathname);

const copyWasm = {
  name: 'copy-wasm',
  setup(build) {
    build.onEnd(() => {
      mkdirSync(path.join(root, 'dist'), { recursive: true });
      mkdirSync(path.join(root, 'grammars'), { recursive: true });
      copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join(root, 'dist', 'web-tree-sitter.wasm'));
      const grammarPkg = path.dirname(require.resolve('tree-sitter-python/package.json'));
      copyFileSync(path.join(grammarPkg, 'tree-sitter-python.wasm'), path.join(root, 'grammars', 'tree-sitter-python.wasm'));
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.91's extension host runs Node 20; the CLI needs Node >= 20 as well.
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's ESM build relies on import.meta.url, which a CJS bundle lacks.
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter').replace(/\.js$/, '.cjs') },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The two commands of the package (`bin`) are small launchers that run the bundles beside them
  // from V8's code cache (server/src/engine/codeCache.ts). npm links them as they are, so each
  // names its interpreter.
  { ...common, entryPoints: ['server/src/launch/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/launch/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js', plugins: [copyWasm] },
  // The CLI bundle is also the script of its worker threads (`check --jobs`, started through the
  // launcher): started as a worker it serves files, so no second bundle is needed.
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
];

if (production) {
  // Maps left by a development build would describe other code than the minified bundles.
  for (const { outfile } of builds) rmSync(path.join(root, `${outfile}.map`), { force: true });
}

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
