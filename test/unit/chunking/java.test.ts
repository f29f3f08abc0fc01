import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `package com.acme.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Keeps stock per SKU. */
@Service
public class Inventory<K extends Comparable<K>> implements Store<K> {
    private static final int MAX_ITEMS = 100;
    private final Map<K, Integer> items = new HashMap<>();
    private final Comparator<K> order = new Comparator<K>() {
        @Override
        public int compare(K a, K b) { return a.compareTo(b); }
    };

    static {
        System.loadLibrary("stock");
    }

    // Starts empty.
    public Inventory() {
        this(MAX_ITEMS);
    }

    /**
     * Adds items.
     */
    @Override
    public synchronized <R> R add(K sku, int n, Function<Integer, R> done) {
        items.merge(sku, n, Integer::sum);
        Runnable log = () -> {
            System.out.println(sku);
        };
        log.run();
        return done.apply(items.get(sku));
    }

    public abstract int capacity();

    enum Level {
        LOW { @Override String label() { return "low"; } },
        HIGH;

        String label() { return name(); }
    }

    record Entry(K sku, int count) {
        Entry {
            if (count < 0) throw new IllegalArgumentException();
        }
    }
}

interface Store<K> {
    void add(K sku);

    default boolean has(K sku) {
        return false;
    }
}

enum Unit { PIECE, BOX }
`;

const BROKEN = `public class Broken {
    void ok() {
        run();
    }

    void bad( {
        int x = ;
    }

    int after() { return 1; }
}
`;

describe('chunking Java', () => {
  it('finds methods, constructors, nested types, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'Inventory.java', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 6],
      // Fields, the anonymous class in a field's initializer and the static initializer: the header.
      ['container-header', 'Inventory', undefined, 7, 20],
      ['method', 'Inventory', 'Inventory', 21, 25],
      ['method', 'add', 'Inventory', 26, 38],
      ['glue', undefined, 'Inventory', 39, 40],
      // Members follow the constants: they stay in the header, through the `;`.
      ['container-header', 'Level', 'Inventory', 41, 44],
      ['method', 'label', 'Inventory.Level', 45, 45],
      ['container-footer', 'Level', 'Inventory', 46, 47],
      ['container-header', 'Entry', 'Inventory', 48, 48],
      ['method', 'Entry', 'Inventory.Entry', 49, 51],
      ['container-footer', 'Entry', 'Inventory', 52, 52],
      ['container-footer', 'Inventory', undefined, 53, 54],
      ['container-header', 'Store', undefined, 55, 57],
      ['method', 'has', 'Store', 58, 60],
      ['container-footer', 'Store', undefined, 61, 62],
      ['declaration', 'Unit', undefined, 63, 63],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('makes enum constants with bodies containers only when no members follow their `;`', async () => {
    // Rendering keeps whole chunks: the `;` that ends the constants must stay with the members after it.
    const text = `enum Op {
    PLUS {
        int apply(int a) { return a; }
    },
    MINUS {
        int apply(int a) { return -a; }
    };

    abstract int apply(int a);

    static Op of(String sign) {
        return PLUS;
    }
}

enum Shape {
    ROUND {
        void draw() {}
    },
    SQUARE {
        void draw() {}
    };
}
`;
    const file = await testChunker().chunkFile({ path: 'Op.java', text });
    assertExactCover(text, file);
    assert.deepEqual(rows(file), [
      ['container-header', 'Op', undefined, 1, 10],
      ['method', 'of', 'Op', 11, 13],
      ['container-footer', 'Op', undefined, 14, 15],
      ['container-header', 'Shape', undefined, 16, 16],
      ['container-header', 'ROUND', 'Shape', 17, 17],
      ['method', 'draw', 'Shape.ROUND', 18, 18],
      ['container-footer', 'ROUND', 'Shape', 19, 19],
      ['container-header', 'SQUARE', 'Shape', 20, 20],
      ['method', 'draw', 'Shape.SQUARE', 21, 21],
      ['container-footer', 'SQUARE', 'Shape', 22, 22],
      ['container-footer', 'Shape', undefined, 23, 23],
    ]);
  });

  it('a nested class that is the last member of its class is a container', async () => {
    const text = `class A {
    int f() { return 1; }

    static class Stats {
        void g() {}
    }
}
`;
    const file = await testChunker().chunkFile({ path: 'A.java', text });
    assert.deepEqual(rows(file), [
      ['container-header', 'A', undefined, 1, 1],
      ['method', 'f', 'A', 2, 3],
      ['container-header', 'Stats', 'A', 4, 4],
      ['method', 'g', 'A.Stats', 5, 5],
      ['container-footer', 'Stats', 'A', 6, 6],
      ['container-footer', 'A', undefined, 7, 7],
    ]);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'Broken.java', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
    assert.deepEqual(rows(file), [
      ['container-header', 'Broken', undefined, 1, 1],
      ['method', 'ok', 'Broken', 2, 5],
      ['method', 'bad', 'Broken', 6, 9],
      ['method', 'after', 'Broken', 10, 10],
      ['container-footer', 'Broken', undefined, 11, 11],
    ]);
  });
});
