// Call sites with their arguments split into positional and keyword ones.
import type { Node } from 'web-tree-sitter';
import type { CallSite } from './types';
import { SyntaxNode, type SyntaxTable } from './syntax';

/** The keyword maps of the calls that pass no keyword argument (most calls): one, shared, never written. */
const NO_KEYWORDS: ReadonlyMap<string, Node> = new Map();

export function describeCall(node: Node, segmentIndex: number, qualify: (callee: Node) => string | undefined): CallSite | undefined {
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const argumentList = node.childForFieldName('arguments');
  const args: Node[] = [];
  let kwargs: Map<string, Node> | undefined;
  let keywordNodes: Map<string, Node> | undefined;
  let hasSplat = false;
  if (argumentList?.type === 'argument_list') {
    // Sibling steps, not `namedChildren`: no array per call of the document.
    for (let child = argumentList.firstNamedChild; child; child = child.nextNamedSibling) {
      if (child.type === 'comment') continue;
      if (child.type === 'keyword_argument') {
        const name = child.childForFieldName('name');
        const value = child.childForFieldName('value');
        if (name && value) {
          (kwargs ??= new Map()).set(name.text, value);
          (keywordNodes ??= new Map()).set(name.text, child);
        }
      } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
        hasSplat = true;
      } else {
        args.push(child);
      }
    }
  } else if (argumentList) {
    args.push(argumentList); // f(x for x in y)
  }
  const site: CallSite = { node, callee, argumentList, args, kwargs: kwargs ?? NO_KEYWORDS, keywordNodes: keywordNodes ?? NO_KEYWORDS, hasSplat, segmentIndex };
  const qname = qualify(callee);
  if (qname) site.qname = qname;
  if (callee.type === 'attribute') {
    const attribute = callee.childForFieldName('attribute');
    const receiver = callee.childForFieldName('object');
    if (attribute) site.method = attribute.text;
    if (receiver) site.receiver = receiver;
  }
  return site;
}

/**
 * The call sites of the tables the language server keeps across versions (see SyntaxTable.kept),
 * by row. A call in a cell or chunk an edit left standing has the same callee and arguments, so
 * only what depends on the rest of the document, its qualified name and its segment, is worked
 * out again, on the same object: a site belongs to the latest version's analysis.
 */
const keptSites = new WeakMap<SyntaxTable, Map<number, CallSite>>();

/** describeCall, answered from the kept sites of the node's table when it is kept. */
export function callSiteOf(node: Node, segmentIndex: number, qualify: (callee: Node) => string | undefined): CallSite | undefined {
  if (!(node instanceof SyntaxNode) || !node.table.kept) return describeCall(node, segmentIndex, qualify);
  let sites = keptSites.get(node.table);
  if (!sites) keptSites.set(node.table, (sites = new Map()));
  const known = sites.get(node.row);
  if (known) {
    known.segmentIndex = segmentIndex;
    known.qname = qualify(known.callee);
    return known;
  }
  const site = describeCall(node, segmentIndex, qualify);
  if (site) sites.set(node.row, site);
  return site;
}

/** The value of keyword `name`, or of positional argument `position` when given. */
export function argument(call: CallSite, name: string, position?: number): Node | undefined {
  return call.kwargs.get(name) ?? (position !== undefined ? call.args[position] : undefined);
}
