// The rule registry: every rule ML Debt Lens ships, sorted by code. A rule is one file in this
// folder named after its code and name; its docs page is docs/rules/<CODE>-<name>.md and its
// tests are test/unit/rules/<code>-<name>.test.ts.
import { implicitFeatureSet } from './mld201-implicit-feature-set';
import { correctionCascade } from './mld202-correction-cascade';
import { unversionedModelArtifact } from './mld203-unversioned-model-artifact';
import { unpinnedDataSource } from './mld301-unpinned-data-source';
import { unpinnedPretrainedModel } from './mld302-unpinned-pretrained-model';
import { unusedDataSource } from './mld303-unused-data-source';
import { predictionFeedbackLoop } from './mld401-prediction-feedback-loop';
import { glueCodeRoundTrip } from './mld501-glue-code-round-trip';
import { intermediateFileHop } from './mld502-intermediate-file-hop';
import { preprocessingBeforeSplit } from './mld503-preprocessing-before-split';
import { manualTrainTestTransform } from './mld504-manual-train-test-transform';
import { deadExperimentalBranch } from './mld505-dead-experimental-branch';
import { commentedOutCode } from './mld506-commented-out-code';
import { multipleLanguageCell } from './mld507-multiple-language-cell';
import { hardcodedHyperparameters } from './mld601-hardcoded-hyperparameters';
import { hardcodedAbsolutePath } from './mld602-hardcoded-absolute-path';
import { duplicatedConfigValue } from './mld603-duplicated-config-value';
import { implicitHyperparameters } from './mld604-implicit-hyperparameters';
import { fixedDecisionThreshold } from './mld701-fixed-decision-threshold';
import { modelSavedWithoutEvaluation } from './mld702-model-saved-without-evaluation';
import { thresholdDependentMetricOnly } from './mld703-threshold-dependent-metric-only';
import { unseededRandomness } from './mld801-unseeded-randomness';
import { missingRandomState } from './mld802-missing-random-state';
import { unpinnedPackageInstall } from './mld803-unpinned-package-install';
import { notebookOutOfOrder } from './mld804-notebook-out-of-order';
import { notebookUseBeforeDefine } from './mld805-notebook-use-before-define';
import { unvalidatedInputData } from './mld810-unvalidated-input-data';
import { nanEquality } from './mld901-nan-equality';
import { chainedAssignment } from './mld902-chained-assignment';
import { inplaceReturnsNone } from './mld903-inplace-returns-none';
import { dataframeValues } from './mld904-dataframe-values';
import { missingZeroGrad } from './mld905-missing-zero-grad';
import { evalModeNotSet } from './mld906-eval-mode-not-set';
import { forwardCalledDirectly } from './mld907-forward-called-directly';
import { unsafeModelDeserialization } from './mld908-unsafe-model-deserialization';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  implicitFeatureSet,
  correctionCascade,
  unversionedModelArtifact,
  unpinnedDataSource,
  unpinnedPretrainedModel,
  unusedDataSource,
  predictionFeedbackLoop,
  glueCodeRoundTrip,
  intermediateFileHop,
  preprocessingBeforeSplit,
  manualTrainTestTransform,
  deadExperimentalBranch,
  commentedOutCode,
  multipleLanguageCell,
  hardcodedHyperparameters,
  hardcodedAbsolutePath,
  duplicatedConfigValue,
  implicitHyperparameters,
  fixedDecisionThreshold,
  modelSavedWithoutEvaluation,
  thresholdDependentMetricOnly,
  unseededRandomness,
  missingRandomState,
  unpinnedPackageInstall,
  notebookOutOfOrder,
  notebookUseBeforeDefine,
  unvalidatedInputData,
  nanEquality,
  chainedAssignment,
  inplaceReturnsNone,
  dataframeValues,
  missingZeroGrad,
  evalModeNotSet,
  forwardCalledDirectly,
  unsafeModelDeserialization,
];

export type { Finding, Rule, RuleMeta } from './types';
