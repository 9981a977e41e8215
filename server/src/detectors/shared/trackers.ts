// Files handed to an experiment tracker (W&B, MLflow, Neptune, ClearML, Comet), which keeps every
// file logged to a run as a versioned artefact: the local copy is only the staging one. Shared by
// the rules about unversioned artefacts and intermediate files.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { lastSegment } from './libraries';

/** Experiment trackers that keep every file logged to a run as a versioned artefact. */
const TRACKERS = ['wandb', 'mlflow', 'neptune', 'clearml', 'comet_ml'];
/** Calls that hand a local file or folder to a tracker: `artifact.add_file(path)`, `wandb.save(path)`, `mlflow.log_artifact(path)`. */
const TRACKER_UPLOADS = new Set(['add_file', 'add_dir', 'log_artifact', 'log_artifacts', 'log_model', 'upload_file', 'upload_artifact']);

/** Whether this file uses an experiment tracker: without one, no call hands it a file. */
export function usesTracker(index: SemanticIndex): boolean {
  return index.importsAny(TRACKERS);
}

/** The path expression of the file or folder a call hands to an experiment tracker (in a file that `usesTracker`). */
export function trackerUpload(call: CallSite): Node | undefined {
  const name = call.qname ? lastSegment(call.qname) : call.method;
  if (!name || !(TRACKER_UPLOADS.has(name) || call.qname === 'wandb.save')) return undefined;
  return call.args[0] ?? call.kwargs.get('local_path') ?? call.kwargs.get('local_dir') ?? call.kwargs.get('glob_str');
}

/** Calls that record a local file's hash on a run without keeping a copy: Neptune's `run["data/train"].track_files(path)`. */
const TRACKER_HASH_RECORDS = new Set(['track_files']);

/**
 * The path of a file whose version a call records with a tracker (in a file that `usesTracker`): an
 * upload, or a hash record. A hash names the version a run read but keeps no copy, so it versions
 * data handed between steps, not a model artefact that a later save overwrites.
 */
export function trackerVersionRecord(call: CallSite): Node | undefined {
  const upload = trackerUpload(call);
  if (upload) return upload;
  const name = call.qname ? lastSegment(call.qname) : call.method;
  return name && TRACKER_HASH_RECORDS.has(name) ? call.args[0] ?? call.kwargs.get('path') : undefined;
}
