// When V8 optimises the engine's functions. V8 sends a function to its optimising compiler once
// it has run a certain amount of bytecode (the interrupt budget, 66 KB by default). The engine is
// a large body of code run once per document, so with the default much of it is optimised before
// its type feedback has settled: a CLI run over 2,445 real files compiled about 840 functions, 300
// of them again after a deoptimisation (3.5 s of compiler time, on V8's own threads). With four
// times the budget it compiles about 430, for 1.7 s. Measured against the default, alternately:
// `mldebt check --jobs 2` (the default on 2 cores, where the workers' compilers compete with the
// workers) 7.4-8.4 s against 8.0-9.2 s wall, 13.9-15.5 s against 15.0-16.9 s CPU; a fresh
// language server's first analysis of a 5,000-line script 275-303 ms against 336-347 ms wall,
// 429-457 ms against 569-587 ms CPU. With `--jobs 1` the main thread runs a little longer in the
// unoptimised tiers, and the wall time is about the same either way.
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 270_000;

/**
 * When V8 sends a WebAssembly function (the grammar's lexer, tree-sitter's parse loop) from its
 * baseline compiler to its optimising one: after roughly this many bytes of its code have run
 * (V8's default is 1.8 MB). Optimising tree-sitter's hot functions costs about 0.2 s of CPU on
 * V8's threads, which competes with the main thread on a small machine. With the default, a check
 * of one 5 KB file pays that for nothing: it is done before the optimised code would pay back.
 * With 50 MB, a one-file check took 0.36-0.43 CPU-s against 0.59-0.63 (alternating, load 5), while
 * a run over 300,000 lines of real code still optimises them during its first thousand files
 * (the bare parse of the corpus three times over: 2.96 and 2.80 CPU-s on the first pass against
 * 2.83, the same on the later ones). At 100 MB and more the first pass grew by a second.
 */
export const WASM_TIERING_BUDGET = 50_000_000;

/**
 * Sets the budgets for the whole process (its worker threads included). Called first by the CLI
 * and the language server, before the engine runs; a library user of the engine keeps V8's default.
 */
export function tuneTiering(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
}
