import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `# frozen_string_literal: true

require "json"
require_relative "store/base"

# Inventory keeps stock per SKU.
module Inventory
  VERSION = "2.1.0"
  Item = Struct.new(:sku, :qty) do
    def empty? = qty.zero?
  end

  # Builds a default store.
  def self.default_store(path = "stock.json")
    Store.new(JSON.parse(File.read(path)))
  end

  class Store < Base
    include Enumerable
    attr_reader :items

    LIMIT = 1_000

    def initialize(items = {})
      @items = items
    end

    def each(&block)
      @items.each do |sku, qty|
        block.call(Item.new(sku, qty))
      end
    end

    def <=>(other) = size <=> other.size

    class << self
      def load(io)
        new(JSON.parse(io.read))
      end
    end

    private

    def check!(sku)
      raise ArgumentError, "unknown #{sku}" unless @items.key?(sku)
    end

    private def restock(sku, n)
      @items[sku] += n
    end
  end

  if RUBY_VERSION < "3.0"
    def self.legacy? = true
  end
end

Inventory.default_store.each { |item| puts item.sku }
`;

const BROKEN = `require "set"

class Parser
  def ok
    1
  end

  def broken(x)
    x + * 2
  end
end

def tail = :done
`;

describe('chunking Ruby', () => {
  it('finds modules, classes, class << self, singleton and modifier defs, constants; blocks stay inside', async () => {
    const file = await testChunker().chunkFile({ path: 'inventory.rb', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 5],
      ['container-header', 'Inventory', undefined, 6, 7],
      ['declaration', 'VERSION', 'Inventory', 8, 8],
      ['declaration', 'Item', 'Inventory', 9, 12], // the def in its block stays inside
      ['method', 'default_store', 'Inventory', 13, 17],
      ['container-header', 'Store', 'Inventory', 18, 21],
      ['declaration', 'LIMIT', 'Inventory.Store', 22, 23],
      ['method', 'initialize', 'Inventory.Store', 24, 27],
      ['method', 'each', 'Inventory.Store', 28, 33],
      ['method', '<=>', 'Inventory.Store', 34, 35],
      ['container-header', 'self', 'Inventory.Store', 36, 36],
      ['method', 'load', 'Inventory.Store.self', 37, 39],
      ['container-footer', 'self', 'Inventory.Store', 40, 41],
      ['glue', undefined, 'Inventory.Store', 42, 43], // `private`
      ['method', 'check!', 'Inventory.Store', 44, 47],
      ['method', 'restock', 'Inventory.Store', 48, 50],
      ['container-footer', 'Store', 'Inventory', 51, 52],
      ['container-header', undefined, 'Inventory', 53, 53], // a class-level `if`: a block
      ['method', 'legacy?', 'Inventory', 54, 54],
      ['container-footer', undefined, 'Inventory', 55, 55],
      ['container-footer', 'Inventory', undefined, 56, 57],
      ['glue', undefined, undefined, 58, 58],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'parser.rb', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 3],
      ['function', 'ok', undefined, 4, 7],
      ['function', 'broken', undefined, 8, 12],
      ['function', 'tail', undefined, 13, 13],
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('a nested class that is the last member of its container is a container', async () => {
    const text = `class A
  def f
    1
  end

  class Stats
    def g
      2
    end
  end
end
`;
    const file = await testChunker().chunkFile({ path: 'a.rb', text });
    assert.deepEqual(rows(file), [
      ['container-header', 'A', undefined, 1, 1],
      ['method', 'f', 'A', 2, 5],
      ['container-header', 'Stats', 'A', 6, 6],
      ['method', 'g', 'A.Stats', 7, 9],
      ['container-footer', 'Stats', 'A', 10, 10],
      ['container-footer', 'A', undefined, 11, 11],
    ]);
  });
});
