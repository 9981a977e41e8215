import type { DataFlow, DataIO, TrainingCall } from '../semantics/dataflow';
import { holdsData, isExact } from '../semantics/dataflow';
import type { CallSite } from '../semantics/types';
import { isCacheOrCheck } from './shared/caches';
import { describePath, placeOf } from './shared/places';
import { modelOutputIn } from './shared/predictions';
import type { Rule, RuleContext } from './types';

/** A save whose data holds model output, with the prediction that produced it. */
interface ModelOutputWrite {
  io: DataIO;
  prediction: CallSite;
}

/**
 * The first save of the same file or table as a load whose data holds model output. A save's data
 * is followed back only when a load asks for its location, and once: following every save back
 * up front cost a lineage per save, each through all the earlier ones.
 */
function modelOutputWriteFinder(flow: DataFlow, saves: readonly DataIO[]): (load: DataIO) => ModelOutputWrite | undefined {
  const predictions = new Map<DataIO, CallSite | undefined>();
  const predictionIn = (io: DataIO): CallSite | undefined => {
    if (!predictions.has(io)) predictions.set(io, modelOutputIn(flow.index, io.data!));
    return predictions.get(io);
  };
  const candidates = new Set(saves);
  return (load) => {
    // flow.savesAt lists the saves of the load's file or table in document order, as `saves` is.
    for (const io of flow.savesAt(load)) {
      const prediction = candidates.has(io) ? predictionIn(io) : undefined;
      if (prediction) return { io, prediction };
    }
    return undefined;
  };
}

/** The loads whose data a model is trained on, each with the first training that uses it. */
function trainingLoads(flow: DataFlow): Map<DataIO, TrainingCall> {
  const trainings = flow.trainingCalls.filter((training) => training.inputs.length > 0);
  const loads = new Map<DataIO, TrainingCall>();
  for (const [call, position] of flow.callsBehindFirst(trainings.map((training) => training.inputs))) {
    const io = flow.dataIOAt(call.node);
    if (io?.direction === 'read' && holdsData(io)) loads.set(io, trainings[position]);
  }
  return loads;
}

function check(context: RuleContext): void {
  const { index, doc } = context;
  const flow = index.dataflow;
  if (flow.trainingCalls.length === 0) return;
  const saves = flow.io.filter((io) => io.direction === 'write' && holdsData(io) && io.data && (io.path || io.table));
  if (saves.length === 0) return;
  const modelOutputWrite = modelOutputWriteFinder(flow, saves);
  for (const [load, training] of trainingLoads(flow)) {
    const write = modelOutputWrite(load);
    // A cache (`if os.path.exists(p): load else: predict; save`) holds what this run would compute: no loop across runs.
    if (!write || isCacheOrCheck(load.call.node) || isCacheOrCheck(write.io.call.node)) continue;
    const location = load.path ? flow.pathOf(load.path) : undefined;
    const target = load.path
      ? describePath(location && isExact(location) ? location.template : undefined, load.path)
      : `table \`${flow.tablesOf(load).find((t) => flow.tablesOf(write.io).includes(t))}\``;
    const predictor = write.prediction.callee.text;
    context.report({
      node: load.call.node,
      message: `The training data read here from ${target} is written with model output (\`${predictor}\`) in ${placeOf(doc, write.io.call.node)}: the model learns from its own predictions, a feedback loop`,
      related: [
        { node: write.io.call.node, message: `${target} is written here with the output of \`${predictor}\`` },
        { node: training.call.node, message: `A model is trained on it here` },
      ],
    });
  }
}

export const predictionFeedbackLoop: Rule = {
  meta: {
    code: 'MLD401',
    name: 'prediction-feedback-loop',
    category: 'direct-feedback-loops',
    severity: 'warning',
    recommended: false,
    docs: {
      summary: 'The same file or table is written with model output and read as training data in one script or notebook.',
      why: 'Direct feedback loops (§4): when a model\'s predictions are stored where its training data comes from — scores written back into the training table, pseudo-labels appended to the labelled file — each retraining learns from the previous model\'s decisions. Errors reinforce themselves, the data drifts toward what the model already believes, and offline evaluation no longer tells how the model does on the world. The loop is easy to close by accident and hard to see, because the write and the read are far apart.',
      example: 'import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\n\nmodel = RandomForestClassifier(random_state=0)\nhistory = pd.read_csv("transactions.csv")\nmodel.fit(history[FEATURES], history["is_fraud"])\nhistory["is_fraud"] = model.predict(history[FEATURES])\nhistory.to_csv("transactions.csv", index=False)',
      fix: 'Keep model output apart from ground truth: write predictions to their own versioned file or table, and train only on labels that did not come from the model (or mark model-labelled rows and exclude or down-weight them). If self-training is intended, make it explicit and hold out data the model never labelled. The finding links the write and the training.',
      nearMisses: 'Predictions written to a file that is never read back (a submission, a report), files read back but not used for training, training data written without model output, files written and read in different scripts or notebooks, and caches (the read or the write under `if os.path.exists(...)`, or a read in a `try` that handles a missing file), which hold what the run would compute anyway, are left alone. Model output is recognised through variables, columns (`df["pred"] = model.predict(X)`) and frames built from it; training data through the names, splits and columns that lead to a `fit`.',
      notebooks: 'The cells are one program: the write and the read may be in any cells, in any order.',
    },
  },
  check,
};
