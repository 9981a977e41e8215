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
 * Sets the budget for the whole process (its worker threads included). Called first by the CLI
 * and the language server, before the engine runs; a library user of the engine keeps V8's default.
 */
export function tuneTiering(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
