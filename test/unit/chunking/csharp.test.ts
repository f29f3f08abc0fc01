import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `using System;
using System.Collections.Generic;

namespace Acme.Store;

/// <summary>Keeps stock per SKU.</summary>
[Serializable]
public sealed class Inventory<TKey> : IStore<TKey> where TKey : notnull
{
    private const int MaxItems = 100;
    private readonly Dictionary<TKey, int> _items = new();

    public Inventory() : this(MaxItems) { }

    ~Inventory() { }

    public int Count { get; private set; }

    // Total units in stock.
    public int Total
    {
        get { return _items.Values.Sum(); }
    }

    public int this[TKey sku] => _items[sku];

    [Obsolete("Use AddAsync")]
    public async Task<TResult> AddAsync<TResult>(TKey sku, int n, Func<int, TResult> done)
    {
        int Clamp(int value) => Math.Min(value, MaxItems);
        _items[sku] = Clamp(n);
        await Task.Yield();
        return done(_items[sku]);
    }

    public static Inventory<TKey> operator +(Inventory<TKey> a, Inventory<TKey> b) => a;

    public abstract void Reset();

    private struct Entry
    {
        public override string ToString() => "entry";
    }

    public enum Level { Low, High }
}

public interface IStore<TKey>
{
    void Add(TKey sku);

    bool Has(TKey sku) { return false; }
}

public record Sku(string Code);
`;

const PROGRAM = `using System;

Console.WriteLine(Twice(2));

int Twice(int x) => x * 2;

namespace Acme.Tools
{
    static class Program
    {
#if DEBUG
        static void Trace(string message)
        {
            Console.Error.WriteLine(message);
        }
#endif

        static string Greet(string name) =>
            $"hello {name}";
    }
}
`;

const BROKEN = `namespace Acme
{
    class Broken
    {
        void Ok() { Run(); }

        void Bad( { int x = ; }

        int After() => 1;
    }
}
`;

describe('chunking C#', () => {
  it('finds methods, constructors, properties with bodies, operators, nested types under a file-scoped namespace', async () => {
    const file = await testChunker().chunkFile({ path: 'Inventory.cs', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      // A file-scoped namespace names the whole file: the usings above it are its header.
      ['container-header', 'Acme.Store', undefined, 1, 5],
      ['container-header', 'Inventory', 'Acme.Store', 6, 12],
      ['method', 'Inventory', 'Acme.Store.Inventory', 13, 14],
      // The destructor goes by its class's name, like the constructor.
      ['method', 'Inventory', 'Acme.Store.Inventory', 15, 16],
      // An auto-property is glue; a property or indexer with code is a method.
      ['glue', undefined, 'Acme.Store.Inventory', 17, 18],
      ['method', 'Total', 'Acme.Store.Inventory', 19, 24],
      ['method', 'this', 'Acme.Store.Inventory', 25, 26],
      ['method', 'AddAsync', 'Acme.Store.Inventory', 27, 35],
      ['method', '+', 'Acme.Store.Inventory', 36, 37],
      ['glue', undefined, 'Acme.Store.Inventory', 38, 39],
      ['container-header', 'Entry', 'Acme.Store.Inventory', 40, 41],
      ['method', 'ToString', 'Acme.Store.Inventory.Entry', 42, 42],
      ['container-footer', 'Entry', 'Acme.Store.Inventory', 43, 44],
      ['declaration', 'Level', 'Acme.Store.Inventory', 45, 45],
      ['container-footer', 'Inventory', 'Acme.Store', 46, 47],
      ['container-header', 'IStore', 'Acme.Store', 48, 51],
      ['method', 'Has', 'Acme.Store.IStore', 52, 52],
      ['container-footer', 'IStore', 'Acme.Store', 53, 54],
      ['declaration', 'Sku', 'Acme.Store', 55, 55],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('finds top-level local functions, block namespaces and members under #if', async () => {
    const file = await testChunker().chunkFile({ path: 'Program.cs', text: PROGRAM });
    assertExactCover(PROGRAM, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 4],
      ['function', 'Twice', undefined, 5, 6],
      ['container-header', 'Acme.Tools', undefined, 7, 8],
      ['container-header', 'Program', 'Acme.Tools', 9, 10],
      ['container-header', undefined, 'Acme.Tools.Program', 11, 11],
      ['method', 'Trace', 'Acme.Tools.Program', 12, 15],
      ['container-footer', undefined, 'Acme.Tools.Program', 16, 17],
      ['method', 'Greet', 'Acme.Tools.Program', 18, 19],
      ['container-footer', 'Program', 'Acme.Tools', 20, 20],
      ['container-footer', 'Acme.Tools', undefined, 21, 21],
    ]);
    assert.equal(file.parseErrors, 0);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'Broken.cs', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
    // The parser's recovery closes the class at the broken method: what follows is in the namespace.
    assert.deepEqual(rows(file), [
      ['container-header', 'Acme', undefined, 1, 2],
      ['container-header', 'Broken', 'Acme', 3, 4],
      ['method', 'Ok', 'Acme.Broken', 5, 5],
      ['container-footer', 'Broken', 'Acme', 6, 8],
      ['function', 'After', 'Acme', 9, 9],
      ['container-footer', 'Acme', undefined, 10, 10],
      ['glue', undefined, undefined, 11, 11],
    ]);
  });

  it('a nested class that is the last member of its container is a container', async () => {
    const text = `class A
{
    int F() { return 1; }

    class Stats
    {
        void G() { }
    }
}
`;
    const file = await testChunker().chunkFile({ path: 'A.cs', text });
    assert.deepEqual(rows(file), [
      ['container-header', 'A', undefined, 1, 2],
      ['method', 'F', 'A', 3, 4],
      ['container-header', 'Stats', 'A', 5, 6],
      ['method', 'G', 'A.Stats', 7, 7],
      ['container-footer', 'Stats', 'A', 8, 8],
      ['container-footer', 'A', undefined, 9, 9],
    ]);
  });
});
