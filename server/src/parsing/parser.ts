// web-tree-sitter, initialised once per process, with one Parser reused for every parse.
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { Language, Parser } from 'web-tree-sitter';
import { adoptRuntime, checkWasmCursor } from './wasmCursor';

export interface WasmPaths {
  /** The web-tree-sitter runtime (web-tree-sitter.wasm). */
  runtime: string;
  /** The Python grammar (tree-sitter-python.wasm). */
  grammar: string;
}

/**
 * Where the two .wasm files are: the runtime next to the bundle (dist/), the grammar in grammars/
 * beside dist/. Unbundled code (the compiled tests in out/) finds the same files by looking in
 * the enclosing folders for dist/ and grammars/.
 */
export function defaultWasmPaths(fromDir: string = __dirname): WasmPaths {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    for (const bundleDir of [dir, path.join(dir, 'dist')]) {
      const runtime = path.join(bundleDir, 'web-tree-sitter.wasm');
      const grammar = path.join(bundleDir, '..', 'grammars', 'tree-sitter-python.wasm');
      if (existsSync(runtime) && existsSync(grammar)) return { runtime, grammar };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { runtime: path.join(fromDir, 'web-tree-sitter.wasm'), grammar: path.join(fromDir, '..', 'grammars', 'tree-sitter-python.wasm') };
}

let ready: Promise<PythonParser> | undefined;

/** The process-wide parser; the first call loads the runtime and the grammar. */
export function initParser(paths: WasmPaths = defaultWasmPaths()): Promise<PythonParser> {
  if (!ready) {
    ready = (async () => {
      for (const file of [paths.runtime, paths.grammar]) {
        if (!existsSync(file)) throw new Error(`ML Debt Lens cannot find ${file}; run the build (npm run build).`);
      }
      // Emscripten makes this object the runtime module; the direct cursor walk keeps it.
      const runtime = { locateFile: () => paths.runtime };
      await Parser.init(runtime);
      adoptRuntime(runtime);
      // Given bytes, web-tree-sitter does not `import()` fs/promises, which a bundle run from
      // its code cache (engine/codeCache.ts) cannot do.
      const language = await Language.load(readFileSync(paths.grammar));
      const parser = new PythonParser(language);
      checkWasmCursor((text) => parser.parse(text));
      return parser;
    })();
    ready.catch(() => (ready = undefined));
  }
  return ready;
}

export class PythonParser {
  private parser: Parser;

  constructor(readonly language: Language) {
    this.parser = this.create();
  }

  private create(): Parser {
    const parser = new Parser();
    parser.setLanguage(this.language);
    return parser;
  }

  /**
   * Parses `text` (or the part of it in `range`) reusing `oldTree` when given. A parser that
   * throws is replaced, so one bad input never leaves the process without a working parser.
   */
  parse(text: string, oldTree?: import('web-tree-sitter').Tree | null, range?: import('web-tree-sitter').Range): import('web-tree-sitter').Tree {
    try {
      const tree = range ? this.parser.parse(rangeReader(text, range.endIndex), oldTree ?? null, { includedRanges: [range] }) : this.parser.parse(text, oldTree ?? null);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    } catch (error) {
      this.parser.delete();
      this.parser = this.create();
      throw error;
    }
  }
}

/**
 * Characters tree-sitter reads per call (its input buffer holds 5,119): web-tree-sitter copies
 * them into WebAssembly memory one by one.
 */
const READ_CHUNK = 4096;

/**
 * Reads `text` for a parse of the range ending at `end` (a notebook cell in the notebook's text):
 * never past the range. Given the string, web-tree-sitter would copy a full buffer from the
 * cell's start onwards, mostly the cells after it, once per cell.
 */
function rangeReader(text: string, end: number): (index: number) => string {
  return (index) => (index >= end ? '' : text.slice(index, Math.min(end, index + READ_CHUNK)));
}
