/** A byte count as people read it, in decimal units: "812 bytes", "14.2 KB", "2.4 MB", "1 MB". */
export function describeSize(bytes: number): string {
  if (bytes < 1_000) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < 1_000_000) return `${trimmed(bytes / 1_000)} KB`;
  if (bytes < 1_000_000_000) return `${trimmed(bytes / 1_000_000)} MB`;
  return `${trimmed(bytes / 1_000_000_000)} GB`;
}

function trimmed(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
