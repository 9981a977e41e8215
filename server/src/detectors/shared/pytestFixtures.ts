// What a test's parameter holds when it names a pytest fixture of the same file: pytest calls the
// fixture before the test and passes what it returns (or yields) under the fixture's name.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { enclosingFunction, sameNode } from '../../semantics/nodes';

/** True when a decorated function is a pytest fixture (`@pytest.fixture`, `@pytest.fixture(scope="module")`). */
function isFixture(index: SemanticIndex, fn: Node): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return !!decorated?.namedChildren.some((child) => {
    const expression = child?.type === 'decorator' ? child.namedChild(0) : null;
    const callee = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
    return !!callee && index.qualify(callee) === 'pytest.fixture';
  });
}

/**
 * The values a test function's parameter receives from the file's fixture of that name: what the
 * fixture returns or yields (in its own body, not a nested function's). Undefined when the
 * identifier is not such a parameter.
 */
export function fixtureValues(index: SemanticIndex, identifier: Node): Node[] | undefined {
  const parameter = index.definitionFor(identifier);
  if (parameter?.kind !== 'param' || parameter.statement.parent?.type !== 'function_definition') return undefined;
  const fixture = index.moduleDefinitionsOf(parameter.name).find((definition) => definition.kind === 'def')?.statement;
  if (fixture?.type !== 'function_definition' || !isFixture(index, fixture)) return undefined;
  const own = (node: Node) => sameNode(enclosingFunction(node), fixture);
  const values = [
    ...index.nodesWithin('return_statement', fixture).filter(own).map((ret) => ret.namedChild(0)),
    ...index.nodesWithin('expression_statement', fixture).filter(own).map((statement) => statement.namedChild(0))
      .filter((expression) => expression?.type === 'yield').map((expression) => expression!.namedChild(0)),
  ].filter((value): value is Node => !!value);
  return values.length > 0 ? values : undefined;
}
