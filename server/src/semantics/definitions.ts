// Where names are bound: assignments, loops, with/except targets, defs, classes, parameters,
// imports, walrus, global. Derived from the walk's node lists, never by another walk.
import type { Node } from 'web-tree-sitter';
import { up, withItemParts } from './nodes';
import type { Definition, DefinitionKind, ImportBinding } from './types';
import type { NodesByType } from './walk';

export const COMPREHENSION_TYPES: ReadonlySet<string> = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Nodes that open a scope of names: functions, lambdas, classes and comprehensions. */
export const SCOPE_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda', 'class_definition', ...COMPREHENSION_TYPES]);

export const MODULE_SCOPE = 'module';

export function scopeKeyOf(scope: Node): string {
  return scope.type === 'module' ? MODULE_SCOPE : `${scope.startIndex}:${scope.endIndex}`;
}

/**
 * The scope a binding at `node` belongs to. A def's or class's own name belongs to the outer scope;
 * so does a walrus target inside a comprehension (`[y := f(x) for x in xs]` binds `y` outside).
 */
export function scopeOf(node: Node, skipComprehensions = false): Node {
  for (let current = up(node, true); current; current = up(current, true)) {
    if (skipComprehensions && COMPREHENSION_TYPES.has(current.type)) continue;
    if (SCOPE_TYPES.has(current.type)) {
      // The name of `def f` / `class C`, and default values, live outside f/C.
      const name = current.childForFieldName('name');
      if ((current.type === 'function_definition' || current.type === 'class_definition') && name && name.startIndex === node.startIndex) continue;
      return current;
    }
    if (current.type === 'module') return current;
  }
  return node;
}

/** Identifiers bound by an assignment target (`a`, `a, (b, *c)`, `[x, y]`); attributes and subscripts bind no name. */
export function targetIdentifiers(target: Node): Node[] {
  switch (target.type) {
    case 'identifier':
      return [target];
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'expression_list':
    case 'tuple':
    case 'list':
    case 'list_splat_pattern':
    case 'parenthesized_expression':
      return target.namedChildren.flatMap((child) => (child ? targetIdentifiers(child) : []));
    default:
      return [];
  }
}

/** The value of an assignment, through chains (`a = b = value`). */
export function innermostValue(assignment: Node): Node | undefined {
  let right = assignment.childForFieldName('right');
  while (right && right.type === 'assignment') right = right.childForFieldName('right');
  return right ?? undefined;
}

/** The name a parameter binds (`lr` in `lr`, `lr: float`, `lr=0.1`, `*args`), if it binds one. */
export function parameterName(param: Node): Node | undefined {
  const name = param.type === 'identifier' ? param
    : param.childForFieldName('name') ?? param.namedChildren.find((child) => child?.type === 'identifier') ?? null;
  return name?.type === 'identifier' ? name : undefined;
}

/**
 * The offset from which a binding is in effect. A read inside the statement that makes it still
 * sees the previous binding: `df = df.dropna()` reads the old `df`, and `for x in xs:` binds `x`
 * only once `xs` is evaluated.
 */
export function bindsAt(definition: Omit<Definition, 'boundAt'>): number {
  switch (definition.kind) {
    case 'assign': case 'unpack': case 'augmented': case 'walrus': case 'with': case 'import': case 'def': case 'class':
      return definition.statement.endIndex;
    case 'for':
      return definition.statement.childForFieldName('body')?.startIndex ?? definition.statement.endIndex;
    default:
      return definition.node.endIndex;
  }
}

export function collectDefinitions(byType: NodesByType, bindings: ImportBinding[]): Definition[] {
  const definitions: Definition[] = [];
  const add = (node: Node, kind: DefinitionKind, statement: Node, value?: Node, binding?: ImportBinding) => {
    const scope = scopeOf(node, kind === 'walrus');
    const definition: Definition = { name: node.text, kind, node, scope, scopeKey: scopeKeyOf(scope), statement, boundAt: 0 };
    if (value) definition.value = value;
    if (binding) definition.binding = binding;
    definition.boundAt = bindsAt(definition);
    definitions.push(definition);
  };

  for (const assignment of byType.get('assignment') ?? []) {
    const left = assignment.childForFieldName('left');
    if (!left) continue;
    const value = innermostValue(assignment);
    const names = targetIdentifiers(left);
    const simple = left.type === 'identifier';
    for (const name of names) add(name, simple ? 'assign' : 'unpack', assignment, simple ? value : undefined);
  }
  for (const node of byType.get('augmented_assignment') ?? []) {
    const left = node.childForFieldName('left');
    if (left?.type === 'identifier') add(left, 'augmented', node);
  }
  for (const node of byType.get('named_expression') ?? []) {
    const name = node.childForFieldName('name');
    if (name) add(name, 'walrus', node, node.childForFieldName('value') ?? undefined);
  }
  for (const type of ['for_statement', 'for_in_clause'] as const) {
    for (const node of byType.get(type) ?? []) {
      const left = node.childForFieldName('left');
      if (left) for (const name of targetIdentifiers(left)) add(name, type === 'for_statement' ? 'for' : 'comprehension', node);
    }
  }
  for (const node of byType.get('with_item') ?? []) {
    const { context, target } = withItemParts(node);
    for (const child of target?.namedChildren ?? []) if (child) for (const name of targetIdentifiers(child)) add(name, 'with', node, context);
  }
  for (const node of byType.get('except_clause') ?? []) {
    const value = node.childForFieldName('value') ?? node.namedChildren.find((child) => child?.type === 'as_pattern');
    if (value?.type !== 'as_pattern') continue;
    const target = value.childForFieldName('alias');
    for (const child of target?.namedChildren ?? []) if (child?.type === 'identifier') add(child, 'except', node);
  }
  for (const type of ['function_definition', 'class_definition'] as const) {
    for (const node of byType.get(type) ?? []) {
      const name = node.childForFieldName('name');
      if (name) add(name, type === 'function_definition' ? 'def' : 'class', node);
    }
  }
  for (const type of ['parameters', 'lambda_parameters'] as const) {
    for (const node of byType.get(type) ?? []) {
      for (const param of node.namedChildren) {
        const name = param ? parameterName(param) : undefined;
        if (name) add(name, 'param', node);
      }
    }
  }
  for (const type of ['global_statement', 'nonlocal_statement'] as const) {
    for (const node of byType.get(type) ?? []) {
      for (const name of node.namedChildren) if (name?.type === 'identifier') add(name, 'global', node);
    }
  }
  for (const node of byType.get('delete_statement') ?? []) {
    for (const target of node.namedChildren) if (target) for (const name of targetIdentifiers(target)) add(name, 'delete', node);
  }
  for (const binding of bindings) add(binding.node, 'import', binding.statement, undefined, binding);

  definitions.sort((a, b) => a.node.startIndex - b.node.startIndex);
  return definitions;
}
