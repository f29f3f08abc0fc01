/** The names a class header says it extends or implements, last segment only (`a.B` -> `B`). */
type BaseReader = (header: string) => string[];

const names = (list: string | undefined) =>
  (list ?? '')
    .replace(/<[^<>]*(<[^<>]*>[^<>]*)*>/g, '') // generic arguments
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.includes('='))
    .map((part) => part.split(/\s+/).pop()!.split(/\.|::/).pop()!)
    .filter((name) => /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name));

const extendsImplements: BaseReader = (header) => [
  ...names(/\bextends\s+([^{]*?)(?:\bimplements\b|\{|$)/u.exec(header)?.[1]),
  ...names(/\bimplements\s+([^{]*)/u.exec(header)?.[1]),
];

const READERS: Readonly<Record<string, BaseReader>> = {
  python: (header) => names(/\bclass\s+\w+\s*\(([^)]*)\)/u.exec(header)?.[1]),
  javascript: extendsImplements,
  typescript: extendsImplements,
  tsx: extendsImplements,
  java: extendsImplements,
  php: extendsImplements,
  csharp: (header) => names(/\b(?:class|struct|interface|record)\s+\w+(?:<[^>]*>)?\s*:\s*([^{]*?)(?:\bwhere\b|\{|$)/u.exec(header)?.[1]),
  cpp: (header) => names(/\b(?:class|struct)\s+\w+[^:{;]*:\s*([^{;]*)/u.exec(header)?.[1]?.replace(/\b(public|private|protected|virtual)\b/g, '')),
  ruby: (header) => names(/\bclass\s+\w+\s*<\s*([\w:]+)/u.exec(header)?.[1]),
};

/** Bases of the class whose header chunk is `header` (its first lines are enough). */
export function classBases(header: string, language: string | undefined): string[] {
  const reader = language === undefined ? undefined : READERS[language];
  return reader ? reader(header.split('\n').slice(0, 8).join(' ')) : [];
}
