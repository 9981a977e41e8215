// The engine's layers, checked on every relative import of server/src: a module imports only from
// its own layer or the layers below it, so knowledge flows one way (docs/architecture.md).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', '..', 'server', 'src');

/** Lowest first. A path prefix ending in `/` is a folder; otherwise a file. */
const LAYERS: { name: string; members: string[] }[] = [
  { name: 'documents', members: ['documents/', 'version.ts'] },
  { name: 'parsing', members: ['parsing/'] },
  { name: 'vocabulary', members: ['engine/', 'taxonomy/'] },
  { name: 'model', members: ['semantics/'] },
  { name: 'rules', members: ['detectors/'] },
  { name: 'analysis', members: ['config/', 'analyze.ts', 'fixAll.ts'] },
  { name: 'features', members: ['features/'] },
  { name: 'front doors', members: ['session.ts', 'memory.ts', 'server.ts', 'serverArgs.ts', 'cli/'] },
  // The commands' launchers run a front door's bundle by its path; they import none of it.
  { name: 'launchers', members: ['launch/'] },
];

/** Within the front doors, only the language server may use the session and its memory keeper: the CLI stands alone. */
const FRONT_DOOR_EDGES = new Set(['server.ts -> session.ts', 'server.ts -> memory.ts', 'server.ts -> serverArgs.ts']);

/**
 * Above the rules, only the analysis entry point (and the server's registry of rule metadata)
 * reaches into detectors/: configuration, features and the CLI speak the engine's vocabulary.
 */
const RULES_READERS = new Set(['analyze.ts', 'server.ts']);

export function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.members.some((member) => (member.endsWith('/') ? file.startsWith(member) : file === member)));
}

function frontDoorOf(file: string): string {
  return file.startsWith('cli/') ? 'cli/' : file;
}

export interface Import {
  from: string;
  to: string;
}

/** The imports that point up a layer, or sideways between front doors; files in no layer too. */
export function violations(imports: readonly Import[]): string[] {
  const found: string[] = [];
  for (const { from, to } of imports) {
    const source = layerOf(from);
    const target = layerOf(to);
    if (source < 0) found.push(`${from} is in no layer`);
    else if (target < 0) found.push(`${from} imports ${to}, which is in no layer`);
    else if (target > source) found.push(`${from} (${LAYERS[source].name}) imports ${to} (${LAYERS[target].name})`);
    else if (to.startsWith('detectors/') && !from.startsWith('detectors/') && !RULES_READERS.has(from)) found.push(`${from} imports ${to}: only analyze.ts reads the rules' folder`);
    else if (target === source && LAYERS[source].name === 'front doors' && frontDoorOf(from) !== frontDoorOf(to) && !FRONT_DOOR_EDGES.has(`${from} -> ${to}`)) {
      found.push(`${from} imports ${to}: front doors do not use each other`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveModule(fromFile: string, specifier: string): string {
  const target = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${target}.ts`, path.join(target, 'index.ts'), target]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return target;
}

function importsOfServer(): Import[] {
  const imports: Import[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveModule(file, match[1]);
      if (!target.startsWith(SRC + path.sep)) continue; // package.json and other files outside the engine
      imports.push({ from: path.relative(SRC, file).split(path.sep).join('/'), to: path.relative(SRC, target).split(path.sep).join('/') });
    }
  }
  return imports;
}

describe('layers', () => {
  it('every relative import of server/src points down or sideways within its layer', () => {
    const imports = importsOfServer();
    assert.ok(imports.length > 300, `read ${imports.length} imports`);
    assert.deepEqual(violations(imports), []);
  });

  it('every source file belongs to a layer', () => {
    const stray = sourceFiles(SRC).map((file) => path.relative(SRC, file).split(path.sep).join('/')).filter((file) => layerOf(file) < 0);
    assert.deepEqual(stray, []);
  });

  it('reports an import that points back', () => {
    assert.deepEqual(violations([
      { from: 'semantics/values.ts', to: 'detectors/shared/libraries.ts' },
      { from: 'config/settings.ts', to: 'detectors/types.ts' },
      { from: 'cli/main.ts', to: 'session.ts' },
      { from: 'server.ts', to: 'session.ts' },
      { from: 'detectors/mld801-unseeded-randomness.ts', to: 'semantics/nodes.ts' },
    ]), [
      'semantics/values.ts (model) imports detectors/shared/libraries.ts (rules)',
      "config/settings.ts imports detectors/types.ts: only analyze.ts reads the rules' folder",
      'cli/main.ts imports session.ts: front doors do not use each other',
    ]);
  });
});
