// The rule registry: every rule ML Debt Lens ships, sorted by code. A rule is one file in this
// folder named after its code and name; its docs page is docs/rules/<CODE>-<name>.md and its
// tests are test/unit/rules/<code>-<name>.test.ts.
import { unversionedModelArtifact } from './mld203-unversioned-model-artifact';
import { unusedDataSource } from './mld303-unused-data-source';
import { predictionFeedbackLoop } from './mld401-prediction-feedback-loop';
import { intermediateFileHop } from './mld502-intermediate-file-hop';
import { deadExperimentalBranch } from './mld505-dead-experimental-branch';
import { hardcodedHyperparameters } from './mld601-hardcoded-hyperparameters';
import { fixedDecisionThreshold } from './mld701-fixed-decision-threshold';
import { unseededRandomness } from './mld801-unseeded-randomness';
import { missingRandomState } from './mld802-missing-random-state';
import { notebookOutOfOrder } from './mld804-notebook-out-of-order';
import { notebookUseBeforeDefine } from './mld805-notebook-use-before-define';
import { unsafeModelDeserialization } from './mld908-unsafe-model-deserialization';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  unversionedModelArtifact,
  unusedDataSource,
  predictionFeedbackLoop,
  intermediateFileHop,
  deadExperimentalBranch,
  hardcodedHyperparameters,
  fixedDecisionThreshold,
  unseededRandomness,
  missingRandomState,
  notebookOutOfOrder,
  notebookUseBeforeDefine,
  unsafeModelDeserialization,
];

export type { Finding, Rule, RuleMeta } from './types';
