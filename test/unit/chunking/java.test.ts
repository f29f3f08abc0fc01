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
  it('finds methods, constructors, nested types, enum constant bodies, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'Inventory.java', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 6],
      // Fields, the anonymous class in a field's initializer and the static initializer: the header.
      ['container-header', 'Inventory', undefined, 7, 20],
      ['method', 'Inventory', 'Inventory', 21, 25],
      ['method', 'add', 'Inventory', 26, 38],
      ['glue', undefined, 'Inventory', 39, 40],
      ['container-header', 'Level', 'Inventory', 41, 41],
      ['container-header', 'LOW', 'Inventory.Level', 42, 42],
      ['method', 'label', 'Inventory.Level.LOW', 42, 42],
      ['container-footer', 'LOW', 'Inventory.Level', 42, 42],
      ['glue', undefined, 'Inventory.Level', 43, 44],
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
