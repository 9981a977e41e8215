// The categories of debt named by Sculley et al., "Hidden Technical Debt in Machine Learning
// Systems" (NeurIPS 2015), sections 2 to 8, plus the ML API misuse smells of Zhang, Cruz and van
// Deursen (CAIN 2022). The paper numbers its sections only; the categories are paragraph headings
// inside them, so a citation reads "§2, Correction Cascades" and never "2.2".

export const PAPER = {
  authors: 'Sculley et al.',
  title: 'Hidden Technical Debt in Machine Learning Systems',
  venue: 'NeurIPS 2015',
  url: 'https://proceedings.neurips.cc/paper_files/paper/2015/hash/86df7dcfd896fcaf2674f757a2463eba-Abstract.html',
} as const;

export const SMELLS_PAPER = {
  authors: 'Zhang, Cruz and van Deursen',
  title: 'Code Smells for Machine Learning Applications',
  venue: 'CAIN 2022',
  url: 'https://arxiv.org/abs/2203.13746',
} as const;

export const SECTIONS: Readonly<Record<number, string>> = {
  2: 'Complex Models Erode Boundaries',
  3: 'Data Dependencies Cost More than Code Dependencies',
  4: 'Feedback Loops',
  5: 'ML-System Anti-Patterns',
  6: 'Configuration Debt',
  7: 'Dealing with Changes in the External World',
  8: 'Other Areas of ML-related Debt',
};

export type CategoryId =
  | 'entanglement' | 'correction-cascades' | 'undeclared-consumers'
  | 'unstable-data-dependencies' | 'underutilized-data-dependencies' | 'static-analysis-of-data-dependencies'
  | 'direct-feedback-loops' | 'hidden-feedback-loops'
  | 'glue-code' | 'pipeline-jungles' | 'dead-experimental-codepaths' | 'abstraction-debt' | 'common-smells'
  | 'configuration-debt'
  | 'fixed-thresholds' | 'monitoring-and-testing'
  | 'data-testing-debt' | 'reproducibility-debt' | 'process-management-debt' | 'cultural-debt'
  | 'ml-api-misuse';

export interface Category {
  id: CategoryId;
  /** Section number in Sculley et al. (2..8); 0 for the API-misuse smells, which come from Zhang et al. */
  section: number;
  /** The paragraph heading inside the section (the section title for §6). */
  heading: string;
  /** What the category is, in a few sentences of our own. */
  summary: string;
}

const list: Category[] = [
  {
    id: 'entanglement', section: 2, heading: 'Entanglement',
    summary: 'A model mixes all of its inputs, so no input can be changed in isolation: adding, removing or reshaping one feature shifts how every other one is used (Changing Anything Changes Everything). The same holds for hyperparameters and sampling.',
  },
  {
    id: 'correction-cascades', section: 2, heading: 'Correction Cascades',
    summary: 'A second model that learns a correction on top of a first model\'s output ties the two together: improving the first can silently make the whole system worse, and stacked corrections become impossible to untangle.',
  },
  {
    id: 'undeclared-consumers', section: 2, heading: 'Undeclared Consumers',
    summary: 'Model outputs left where anyone can pick them up (files, tables, logs) acquire consumers nobody knows about. Every change to the model then risks breaking systems that were never declared as depending on it.',
  },
  {
    id: 'unstable-data-dependencies', section: 3, heading: 'Unstable Data Dependencies',
    summary: 'Inputs owned or produced elsewhere change without notice: a URL that serves new rows, a query over a live table, a pretrained model that is re-published under the same name. Consuming a frozen, versioned copy keeps results explainable.',
  },
  {
    id: 'underutilized-data-dependencies', section: 3, heading: 'Underutilized Data Dependencies',
    summary: 'Inputs that contribute little still carry all the risk of change. Data loaded and never used, or features kept "because they were there", are dependencies with a cost and no benefit.',
  },
  {
    id: 'static-analysis-of-data-dependencies', section: 3, heading: 'Static Analysis of Data Dependencies',
    summary: 'Data dependencies deserve the tooling code dependencies have: knowing, from the source, which data each model reads and which artefacts it writes.',
  },
  {
    id: 'direct-feedback-loops', section: 4, heading: 'Direct Feedback Loops',
    summary: 'A model whose outputs become its own future training data learns from its own decisions. Its behaviour drifts in ways no offline test predicts unless some data is kept out of the model\'s influence.',
  },
  {
    id: 'hidden-feedback-loops', section: 4, heading: 'Hidden Feedback Loops',
    summary: 'Two systems that influence each other through the world form a loop that neither codebase shows. Only monitoring across systems reveals it.',
  },
  {
    id: 'glue-code', section: 5, heading: 'Glue Code',
    summary: 'Code that shuttles data in and out of general-purpose packages, converting between representations, freezes the system around one package\'s quirks and grows until it outweighs the ML code.',
  },
  {
    id: 'pipeline-jungles', section: 5, heading: 'Pipeline Jungles',
    summary: 'Data preparation that grows by accretion (scrapes, joins, intermediate files, steps fitted in the wrong order) becomes impossible to test or reason about as a whole.',
  },
  {
    id: 'dead-experimental-codepaths', section: 5, heading: 'Dead Experimental Codepaths',
    summary: 'Experiments kept as branches that never run, or as commented-out code, pile up. Each one is cheap; together they make the real behaviour hard to see and easy to flip by accident.',
  },
  {
    id: 'abstraction-debt', section: 5, heading: 'Abstraction Debt',
    summary: 'There are no settled abstractions for data streams, models and predictions, so every system invents its own boundaries and they leak.',
  },
  {
    id: 'common-smells', section: 5, heading: 'Common Smells',
    summary: 'Plain-old-data types standing in for rich concepts, several languages mixed in one pipeline, and prototype environments that quietly become production are early signs of deeper debt.',
  },
  {
    id: 'configuration-debt', section: 6, heading: 'Configuration Debt',
    summary: 'The settings of an ML system (features, data selection, hyperparameters, thresholds) often outgrow its code. When they are scattered as literals they cannot be reviewed, compared between runs or changed safely.',
  },
  {
    id: 'fixed-thresholds', section: 7, heading: 'Fixed Thresholds in Dynamic Systems',
    summary: 'A decision threshold picked by hand fits one model on one data distribution. After retraining or drift it silently stops meaning what it meant; thresholds should be learned on held-out data and versioned with the model.',
  },
  {
    id: 'monitoring-and-testing', section: 7, heading: 'Monitoring and Testing',
    summary: 'A model that meets the world needs checks beyond unit tests: evaluated before release, watched for prediction bias and drift, with limits on the actions it takes.',
  },
  {
    id: 'data-testing-debt', section: 8, heading: 'Data Testing Debt',
    summary: 'Input data deserves tests as code does: sanity checks on schema, ranges and missing values catch the silent failures that corrupt a model without raising an error.',
  },
  {
    id: 'reproducibility-debt', section: 8, heading: 'Reproducibility Debt',
    summary: 'Re-running an experiment should give the same result. Unseeded randomness, unpinned dependencies and notebooks run out of order make results impossible to reproduce or to compare.',
  },
  {
    id: 'process-management-debt', section: 8, heading: 'Process Management Debt',
    summary: 'Many models mean many manual steps: updating configurations, allocating resources, recovering from incidents. Processes that are not automated accumulate risk.',
  },
  {
    id: 'cultural-debt', section: 8, heading: 'Cultural Debt',
    summary: 'Teams that reward only accuracy gains accumulate debt; deleting features, reducing complexity and improving reproducibility deserve the same credit.',
  },
  {
    id: 'ml-api-misuse', section: 0, heading: 'ML API misuse',
    summary: 'Calls to ML libraries that run without error but do something other than what the code seems to say. They feed the paper\'s data testing and reproducibility debt because the mistake is silent.',
  },
];

export const CATEGORIES: ReadonlyMap<CategoryId, Category> = new Map(list.map((category) => [category.id, category]));

export function category(id: CategoryId): Category {
  const found = CATEGORIES.get(id);
  if (!found) throw new Error(`unknown category ${id}`);
  return found;
}

/** "§2, Correction Cascades" (the paper numbers sections, not sub-topics). */
export function sectionLabel(id: CategoryId): string {
  const c = category(id);
  return `§${c.section}, ${c.heading}`;
}

/** The full citation of a Sculley et al. category. */
export function citation(id: CategoryId): string {
  const c = category(id);
  const inSection = c.heading === SECTIONS[c.section] ? '' : ` (in “${SECTIONS[c.section]}”)`;
  return `${PAPER.authors}, *${PAPER.title}*, ${PAPER.venue}, ${sectionLabel(id)}${inSection}`;
}
