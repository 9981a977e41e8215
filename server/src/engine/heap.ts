// The young generation of the CLI's worker threads. An analysis allocates its document's model
// (nodes, reads, definitions, call sites) at a high rate and drops it when the document is done;
// with V8's default semi-spaces (16 MB on 64-bit) much of a model outlives a scavenge and is
// copied into the old generation, to be collected again at a higher cost. Larger semi-spaces let
// a model die young. Measured on the generated 5k-line script (analysis CPU over the bare parse,
// eight paired runs): 4.3x with the default, 3.7x with 64 MB semi-spaces.
//
// The language server keeps V8's defaults: V8 does not shrink a grown young generation when the
// server goes idle, and with 64 MB semi-spaces the server held about 90 MB more after 200
// documents were opened and closed (npm run bench:memory). A CLI run ends, and gives it all back.
export const WORKER_SEMI_SPACE_MB = 64;

/** For Worker's resourceLimits, which counts the young generation as three semi-spaces. */
export const WORKER_YOUNG_GENERATION_MB = 3 * WORKER_SEMI_SPACE_MB;
