// The young generation of the CLI's worker threads. An analysis allocates its document's model
// (nodes, reads, definitions, call sites) at a high rate and drops it when the document is done;
// with V8's default semi-spaces (16 MB on 64-bit) much of a model outlives a scavenge and is
// copied into the old generation, to be collected again at a higher cost. Larger semi-spaces let
// a model die young. Measured on the generated 5k-line script (analysis CPU over the bare parse,
// eight paired runs): 4.3x with the default, 3.7x with 64 MB semi-spaces.
//
// The language server lives on, and V8 does not shrink a grown young generation when it goes
// idle: with 64 MB semi-spaces it held about 90 MB more after 200 documents were opened and
// closed (npm run bench:memory). A CLI run ends, and gives it all back.
export const WORKER_SEMI_SPACE_MB = 64;

/** For Worker's resourceLimits, which counts the young generation as three semi-spaces. */
export const WORKER_YOUNG_GENERATION_MB = 3 * WORKER_SEMI_SPACE_MB;

/**
 * The language server's semi-spaces: half the workers', enough for the model of an edited document
 * to die young. Measured alternately against V8's default (16 MB), same build, one machine: an edit
 * of one cell of a 300-cell notebook took 41-48 ms of CPU against 57-72 ms (medians of 80 edits,
 * three pairs); with 200 documents open the server held 234 MB against 217-224 MB, and 167-171 MB
 * against 145-150 MB once they were closed (npm run bench:memory -- 2 --compare-node-defaults).
 * Through the server (bench:latency -- 60 --warm 30 --compare-node-defaults, two quiet runs) the
 * 5k-line script's edit -> diagnostics p95 fell from 124-156 to 95-139 ms, while the notebook's
 * rose from 77-80 to 85-105 ms: the gain is the large script's.
 */
export const SERVER_SEMI_SPACE_MB = 32;

/**
 * The flags the server is started with: V8 sizes the young generation when the process starts
 * (v8.setFlagsFromString cannot grow it later), so the process that starts the server passes
 * them: the VS Code client, and the tests and benchmarks that start it as the client does.
 */
export const SERVER_EXEC_ARGV: readonly string[] = [`--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`];
