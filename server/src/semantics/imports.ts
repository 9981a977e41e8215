// Import statements turned into local-name -> qualified-name bindings.
import type { Node } from 'web-tree-sitter';
import { isTopLevel } from './nodes';
import type { ImportBinding } from './types';
import type { NodesByType } from './walk';

function dotted(node: Node | null): string {
  return node ? node.text.replace(/\s+/g, '') : '';
}

export function collectImports(byType: NodesByType): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of byType.get('import_statement') ?? []) {
    const topLevel = isTopLevel(statement);
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const alias = name.childForFieldName('alias');
        if (alias) bindings.push({ local: alias.text, target: dotted(name.childForFieldName('name')), statement, node: alias, isFrom: false, topLevel });
      } else if (name.type === 'dotted_name') {
        // `import os.path` binds `os`, which refers to the package `os`.
        const first = name.namedChild(0);
        if (first) bindings.push({ local: first.text, target: first.text, statement, node: first, isFrom: false, topLevel });
      }
    }
  }
  for (const statement of byType.get('import_from_statement') ?? []) {
    const topLevel = isTopLevel(statement);
    const moduleNode = statement.childForFieldName('module_name');
    if (!moduleNode || moduleNode.type === 'relative_import') continue;
    const moduleName = dotted(moduleNode);
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const alias = name.childForFieldName('alias');
        const imported = dotted(name.childForFieldName('name'));
        if (alias) bindings.push({ local: alias.text, target: `${moduleName}.${imported}`, statement, node: alias, isFrom: true, topLevel });
      } else if (name.type === 'dotted_name') {
        const last = name.namedChild(name.namedChildCount - 1);
        if (last) bindings.push({ local: last.text, target: `${moduleName}.${dotted(name)}`, statement, node: last, isFrom: true, topLevel });
      }
    }
  }
  bindings.sort((a, b) => a.node.startIndex - b.node.startIndex);
  return bindings;
}
