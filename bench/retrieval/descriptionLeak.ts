/**
 * Whether a task's description is still in its context: the doc comment as written, or the query's words in
 * the same order anywhere in the context's text (a copied docstring, an overload carrying the same doc).
 */
export function descriptionInContext(docText: string, query: string, contextTexts: readonly string[]): boolean {
  if (contextTexts.some((text) => text.includes(docText))) return true;
  const needle = ` ${words(query)} `;
  return contextTexts.some((text) => ` ${words(text)} `.includes(needle));
}

function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
