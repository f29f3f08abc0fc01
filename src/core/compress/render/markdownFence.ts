/** The longest run of `char` in `text`. */
export function longestRunOf(text: string, char: string): number {
  let longest = 0;
  for (let at = text.indexOf(char); at !== -1; ) {
    let end = at + 1;
    while (text[end] === char) end++;
    if (end - at > longest) longest = end - at;
    at = text.indexOf(char, end);
  }
  return longest;
}

/** A backtick fence longer than any run of backticks in the code, so nothing inside can close it. */
export function fenceFor(code: string): string {
  return '`'.repeat(Math.max(3, longestRunOf(code, '`') + 1));
}
