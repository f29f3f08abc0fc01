import type { IncomingHttpHeaders } from 'node:http';

/** A digest of a file's bytes as a server states it. */
export interface ContentHash {
  /** sha256 of the bytes (the hub's ETag for large, LFS-stored files), or git's blob id (its ETag for small files). */
  readonly algorithm: 'sha256' | 'git-sha1';
  readonly hex: string;
}

/** What the server says the file is, before any byte arrives: what the download is checked against. */
export interface AnnouncedContent {
  readonly size?: number;
  readonly hash?: ContentHash;
  /** The entity tag as sent (normalised): identifies the version a `.part` file was started for. */
  readonly etag?: string;
  /** The repository commit the hub resolved the revision to. */
  readonly commit?: string;
}

/**
 * The facts in one response from the hub itself. The hub describes a large file in `X-Linked-Size` and
 * `X-Linked-Etag` (its sha256) on the redirect to the CDN; a small file comes straight back with `ETag`
 * (its git blob id). A CDN's own ETag is not a content hash and is never read here.
 */
export function announcedByHub(headers: IncomingHttpHeaders, isRedirect: boolean): AnnouncedContent {
  const linkedSize = sizeHeader(headers['x-linked-size']);
  const size = linkedSize ?? (isRedirect ? undefined : sizeHeader(headers['content-length']));
  const rawEtag = header(headers['x-linked-etag']) ?? (isRedirect ? undefined : header(headers.etag));
  const etag = rawEtag === undefined ? undefined : normaliseEtag(rawEtag);
  const hash = etag === undefined ? undefined : hashFromEtag(etag);
  const commit = header(headers['x-repo-commit']);
  return { ...(size !== undefined && { size }), ...(etag !== undefined && { etag }), ...(hash && { hash }), ...(commit !== undefined && { commit }) };
}

/** Later facts (nearer the file) win; a fact only an earlier response gave is kept. */
export function mergeAnnounced(earlier: AnnouncedContent, later: AnnouncedContent): AnnouncedContent {
  return { ...earlier, ...later };
}

/** `W/"abc"` and `"abc"` both mean abc. */
export function normaliseEtag(value: string): string {
  return value.trim().replace(/^W\//i, '').replace(/^"(.*)"$/, '$1').toLowerCase();
}

function hashFromEtag(etag: string): ContentHash | undefined {
  if (/^[0-9a-f]{64}$/.test(etag)) return { algorithm: 'sha256', hex: etag };
  if (/^[0-9a-f]{40}$/.test(etag)) return { algorithm: 'git-sha1', hex: etag };
  return undefined;
}

/** The first byte and the total size in a `Content-Range` header (`bytes 100-199/1234`; a 416 has `*` for the range). */
export function parseContentRange(value: string | undefined): { start?: number; total?: number } {
  const match = value === undefined ? null : /^bytes (?:(\d+)-\d+|\*)\/(\d+|\*)$/.exec(value.trim());
  if (!match) return {};
  return {
    ...(match[1] !== undefined && { start: Number(match[1]) }),
    ...(match[2] !== '*' && { total: Number(match[2]) }),
  };
}

function header(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first;
}

function sizeHeader(value: string | string[] | undefined): number | undefined {
  const text = header(value);
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}
