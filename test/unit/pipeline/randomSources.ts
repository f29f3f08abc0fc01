/** Random but valid Python and TypeScript files, from a seeded generator, for property tests. */

export const WORDS = ['order', 'total', 'price', 'cache', 'user', 'count', 'limit', 'token', 'queue', 'parse', 'retry', 'score'];

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const nameOf = (random: Random, n: number) => `${pick(random, WORDS)}_${pick(random, WORDS)}_${n}`;

function pythonBody(random: Random, indent: string): string[] {
  const lines: string[] = [];
  for (let i = between(random, 1, 14); i > 0; i--) {
    const word = pick(random, WORDS);
    switch (between(random, 0, 5)) {
      case 0:
        lines.push(`${indent}${word} = value + ${between(random, 0, 99)}`);
        break;
      case 1:
        lines.push(`${indent}if value > ${between(random, 0, 9)}:`, `${indent}    value = ${word}_limit(value)`);
        break;
      case 2:
        lines.push(`${indent}for item in items:`, `${indent}    value += item.${word}`, `${indent}    print(item)`);
        break;
      case 3:
        lines.push(`${indent}# the ${word} is checked here`);
        break;
      case 4:
        lines.push('');
        break;
      default:
        lines.push(`${indent}print("${word}", value)`);
    }
  }
  lines.push(`${indent}return value`);
  return lines;
}

export function randomPython(random: Random): string {
  const parts: string[] = ['import os', ''];
  for (let n = between(random, 1, 6); n > 0; n--) {
    const kind = between(random, 0, 3);
    if (kind === 0) {
      parts.push(`${nameOf(random, n).toUpperCase()} = ${between(random, 0, 999)}`, '');
    } else if (kind === 1) {
      parts.push('', `class ${pick(random, WORDS).toUpperCase()}Store${n}:`, `    """Keeps ${pick(random, WORDS)} values."""`, '');
      for (let m = between(random, 0, 4); m > 0; m--) {
        parts.push(`    def ${nameOf(random, m)}(self, value, items):`, ...pythonBody(random, '        '), '');
      }
    } else {
      parts.push('', `def ${nameOf(random, n)}(value, items):`, ...pythonBody(random, '    '), '');
    }
  }
  return `${parts.join('\n')}\n`;
}

function typescriptBody(random: Random, indent: string): string[] {
  const lines: string[] = [];
  for (let i = between(random, 1, 14); i > 0; i--) {
    const word = pick(random, WORDS);
    switch (between(random, 0, 5)) {
      case 0:
        lines.push(`${indent}value += ${between(random, 0, 99)}; // ${word}`);
        break;
      case 1:
        lines.push(`${indent}if (value > ${between(random, 0, 9)}) {`, `${indent}  value = ${word}Limit(value);`, `${indent}}`);
        break;
      case 2:
        lines.push(`${indent}for (const item of items) {`, `${indent}  value += item.${word};`, `${indent}}`);
        break;
      case 3:
        lines.push(`${indent}// the ${word} is checked here`);
        break;
      case 4:
        lines.push('');
        break;
      default:
        lines.push(`${indent}console.log('${word}', value);`);
    }
  }
  lines.push(`${indent}return value;`);
  return lines;
}

export function randomTypeScript(random: Random): string {
  const parts: string[] = [`import { ${pick(random, WORDS)}Limit } from './limits';`, ''];
  for (let n = between(random, 1, 6); n > 0; n--) {
    const kind = between(random, 0, 3);
    if (kind === 0) {
      parts.push(`export const ${nameOf(random, n).toUpperCase()} = ${between(random, 0, 999)};`, '');
    } else if (kind === 1) {
      parts.push(`export class ${pick(random, WORDS)}Store${n} {`, `  private readonly size = ${between(random, 1, 9)};`, '');
      for (let m = between(random, 0, 4); m > 0; m--) {
        parts.push(`  ${nameOf(random, m)}(value: number, items: any[]): number {`, ...typescriptBody(random, '    '), '  }', '');
      }
      parts.push('}', '');
    } else {
      parts.push(`export function ${nameOf(random, n)}(value: number, items: any[]): number {`, ...typescriptBody(random, '  '), '}', '');
    }
  }
  return `${parts.join('\n')}\n`;
}
