// The rule registry: every rule ML Debt Lens ships, sorted by code. A rule is one file in this
// folder named after its code and name; its docs page is docs/rules/<CODE>-<name>.md and its
// tests are test/unit/rules/<code>-<name>.test.ts.
import { implicitFeatureSet } from './mld201-implicit-feature-set';
import { correctionCascade } from './mld202-correction-cascade';
import { unversionedModelArtifact } from './mld203-unversioned-model-artifact';
import { preprocessingBeforeSplit } from './mld503-preprocessing-before-split';
import { manualTrainTestTransform } from './mld504-manual-train-test-transform';
import { deadExperimentalBranch } from './mld505-dead-experimental-branch';
import { hardcodedHyperparameters } from './mld601-hardcoded-hyperparameters';
import { fixedDecisionThreshold } from './mld701-fixed-decision-threshold';
import { modelSavedWithoutEvaluation } from './mld702-model-saved-without-evaluation';
import { thresholdDependentMetricOnly } from './mld703-threshold-dependent-metric-only';
import { unseededRandomness } from './mld801-unseeded-randomness';
import { missingRandomState } from './mld802-missing-random-state';
import { notebookOutOfOrder } from './mld804-notebook-out-of-order';
import { unvalidatedInputData } from './mld810-unvalidated-input-data';
import { unsafeModelDeserialization } from './mld908-unsafe-model-deserialization';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  implicitFeatureSet,
  correctionCascade,
  unversionedModelArtifact,
  preprocessingBeforeSplit,
  manualTrainTestTransform,
  deadExperimentalBranch,
  hardcodedHyperparameters,
  fixedDecisionThreshold,
  modelSavedWithoutEvaluation,
  thresholdDependentMetricOnly,
  unseededRandomness,
  missingRandomState,
  notebookOutOfOrder,
  unvalidatedInputData,
  unsafeModelDeserialization,
];

export type { Finding, Rule, RuleMeta } from './types';
