import type { Node } from 'web-tree-sitter';

/**
 * How many places tree-sitter could not parse: ERROR nodes, and MISSING ones (a token it had to invent,
 * such as the `;` it puts before a macro it cannot read). Only subtrees that contain an error are walked.
 */
export function countSyntaxErrors(root: Node): number {
  if (!root.hasError) return 0;
  let count = 0;
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      const node = cursor.currentNode;
      if (descend && (node.type === 'ERROR' || cursor.nodeIsMissing)) count++;
      if (descend && node.hasError && node.type !== 'ERROR' && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
  return Math.max(count, 1);
}
