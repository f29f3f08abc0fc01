import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `import { Injectable } from '@angular/core';
import type { Observable } from 'rxjs';

/** What the store keeps. */
export interface Entity<Id = string> {
  id: Id;
  load(): Promise<void>;
}

export type Listener<T> = (value: T) => void;
export enum Mode { Read, Write }
export const DEFAULT_MODE = Mode.Read;
const cache = new Map<string, Entity>();

/** Parses an id. */
export function parseId(raw: string): number;
export function parseId(raw: number): number;
export function parseId(raw: string | number): number {
  const trim = (s: string) => s.trim();
  return typeof raw === 'number' ? raw : Number(trim(raw));
}

export const select = <T extends Entity, K extends keyof T>(items: T[], key: K): T[K][] =>
  items.map((item) => item[key]);

@Injectable({ providedIn: 'root' })
export class Store<T extends Entity> {
  private readonly listeners: Listener<T>[] = [];

  constructor(private readonly mode: Mode = DEFAULT_MODE) {}

  @Log()
  add(item: T): void {
    cache.set(String(item.id), item);
    this.listeners.forEach((listener) => listener(item));
  }

  find(id: string): T | undefined;
  find(id: number): T | undefined;
  find(id: string | number): T | undefined {
    return cache.get(String(id)) as T | undefined;
  }

  onChange = (listener: Listener<T>): (() => void) => {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  };
}

export abstract class Repository<T> {
  abstract all(): Observable<T[]>;
  count(): number { return 0; }
}

export namespace Ids {
  export const PREFIX = 'id-';
  export function make(n: number): string { return PREFIX + n; }
}

declare global {
  interface Window { store?: Store<Entity> }
}
declare function track(event: string): void;

export default function createStore<T extends Entity>(): Store<T> {
  return new Store<T>();
}
`;

const BROKEN = `import { EventEmitter } from 'node:events';

export interface Options {
  retries: number;
}

export class Client extends EventEmitter {
  constructor(private readonly options: Options) {
    super();
  }

  send(body: string): Promise<void> {
    const payload = { body, retries: this.options.retries ;
    return this.post(payload);
  }

  close(): void {
    this.emit('close');
  }
}

export function connect(options: Options): Client {
  return new Client(options);
}
`;

describe('chunking TypeScript', () => {
  it('finds functions, methods with decorators and overloads, namespaces, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'store.ts', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 3], // imports
      ['declaration', 'Entity', undefined, 4, 9],
      ['declaration', 'Listener', undefined, 10, 10],
      ['declaration', 'Mode', undefined, 11, 11],
      ['declaration', 'DEFAULT_MODE', undefined, 12, 12],
      ['declaration', 'cache', undefined, 13, 14], // generics do not confuse anything
      ['declaration', 'parseId', undefined, 15, 16], // an exported overload signature is a declaration
      ['declaration', 'parseId', undefined, 17, 17],
      ['function', 'parseId', undefined, 18, 22],
      ['function', 'select', undefined, 23, 25], // a generic arrow function; the .map callback stays inside
      ['container-header', 'Store', undefined, 26, 29], // the class decorator and the field
      ['method', 'constructor', 'Store', 30, 31],
      ['method', 'add', 'Store', 32, 37], // @Log() joins its method
      ['method', 'find', 'Store', 38, 43], // method overload signatures join the implementation
      ['method', 'onChange', 'Store', 44, 47],
      ['container-footer', 'Store', undefined, 48, 49],
      ['container-header', 'Repository', undefined, 50, 51], // the abstract method has no body: header
      ['method', 'count', 'Repository', 52, 52],
      ['container-footer', 'Repository', undefined, 53, 54],
      ['container-header', 'Ids', undefined, 55, 55],
      ['declaration', 'PREFIX', 'Ids', 56, 56],
      ['function', 'make', 'Ids', 57, 57],
      ['container-footer', 'Ids', undefined, 58, 59],
      ['declaration', 'global', undefined, 60, 62], // declare global {…}
      ['declaration', 'track', undefined, 63, 64],
      ['function', 'createStore', undefined, 65, 67], // export default keeps its export
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error and never throws', async () => {
    const file = await testChunker().chunkFile({ path: 'client.ts', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['declaration', 'Options', undefined, 3, 6],
      ['container-header', 'Client', undefined, 7, 7],
      ['method', 'constructor', 'Client', 8, 11],
      ['method', 'send', 'Client', 12, 16],
      ['method', 'close', 'Client', 17, 19],
      ['container-footer', 'Client', undefined, 20, 21],
      ['function', 'connect', undefined, 22, 24],
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('a class that is the last member of its namespace is a container', async () => {
    const text = `export namespace N {
  export function h() {
    return 1;
  }

  export class Stats {
    g() {
      return 2;
    }
  }
}
`;
    const file = await testChunker().chunkFile({ path: 'n.ts', text });
    assert.deepEqual(rows(file), [
      ['container-header', 'N', undefined, 1, 1],
      ['function', 'h', 'N', 2, 5],
      ['container-header', 'Stats', 'N', 6, 6],
      ['method', 'g', 'N.Stats', 7, 9],
      ['container-footer', 'Stats', 'N', 10, 10],
      ['container-footer', 'N', undefined, 11, 11],
    ]);
  });
});
