// Files handed to an experiment tracker (W&B, MLflow, Neptune, ClearML, Comet), which keeps every
// file logged to a run as a versioned artefact: the local copy is only the staging one. Shared by
// the rules about unversioned artefacts and intermediate files.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { lastSegment } from './libraries';

/** Experiment trackers that keep every file logged to a run as a versioned artefact. */
const TRACKERS = ['wandb', 'mlflow', 'neptune', 'clearml', 'comet_ml'];
/** Calls that hand a local file or folder to a tracker: `artifact.add_file(path)`, `wandb.save(path)`, `mlflow.log_artifact(path)`. */
const TRACKER_UPLOADS = new Set(['add_file', 'add_dir', 'log_artifact', 'log_artifacts', 'log_model', 'upload_file', 'upload_artifact']);

/** The path expressions of the files and folders this file hands to an experiment tracker. */
export function trackerUploads(index: SemanticIndex): Node[] {
  if (!index.importsAny(TRACKERS)) return [];
  const paths: Node[] = [];
  for (const call of index.calls) {
    const name = call.qname ? lastSegment(call.qname) : call.method;
    if (!name || !(TRACKER_UPLOADS.has(name) || call.qname === 'wandb.save')) continue;
    const argument = call.args[0] ?? call.kwargs.get('local_path') ?? call.kwargs.get('local_dir') ?? call.kwargs.get('glob_str');
    if (argument) paths.push(argument);
  }
  return paths;
}
