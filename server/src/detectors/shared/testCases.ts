// The file's own test classes: what a test runner collects, whoever starts it.
import type { SemanticIndex } from '../../semantics';

const UNITTEST_BASES = new Set(['unittest.TestCase', 'unittest.case.TestCase']);

/** A class of the file that holds tests: a `unittest.TestCase` subclass, or a class named `Test...` as pytest collects. */
export function isTestCaseClass(index: SemanticIndex, className: string): boolean {
  return /^Test/.test(className) || index.classMatches(`local:${className}`, (qname) => UNITTEST_BASES.has(qname));
}
