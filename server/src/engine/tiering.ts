// When V8 optimises the engine's functions. V8 sends a function to its optimising compiler once
// it has run a certain amount of bytecode (the interrupt budget, 66 KB by default). The engine is
// a large body of code run once per document, so with the default much of it is optimised before
// its type feedback has settled: a CLI run over real code compiled about 840 functions, 300 of
// them again after a deoptimisation, for 3.5 s of compiler time against 10 s of analysis. With
// four times the budget, functions are optimised later and seldom again: compiler time fell to
// about 1.7 s and the analysis itself did not slow down (measured with --jobs 1 on 2,445 files of
// real ML code: CPU of all threads 13.4-14.7 s with the default, 11.2-12.1 s with this budget;
// the main thread's share 9.2-9.8 s against 8.9-9.7 s). Fewer compilations also leave more of the
// machine to the other workers of `--jobs N`, each of which compiles the engine for itself.
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 270_000;

/**
 * Sets the budget for the whole process (its worker threads included). Called first by the CLI
 * and the language server, before the engine runs; a library user of the engine keeps V8's default.
 */
export function tuneTiering(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
