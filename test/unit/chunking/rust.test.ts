import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `//! Stock keeping.
#![allow(dead_code)]
use std::collections::HashMap;
use std::fmt;

/// The most items one SKU may hold.
pub const MAX_ITEMS: usize = 100;
static NAME: &str = "store";
pub type Result<T> = std::result::Result<T, Error>;

/// Keeps stock per SKU.
#[derive(Debug, Default)]
pub struct Inventory<K> {
    items: HashMap<K, usize>,
}

pub enum Level { Low, High }

impl<K: std::hash::Hash + Eq> Inventory<K> {
    /// Adds n items, capped.
    #[inline]
    pub fn add(&mut self, sku: K, n: usize) -> usize {
        fn clamp(v: usize) -> usize {
            v.min(MAX_ITEMS)
        }
        let total = self.items.entry(sku).or_default();
        *total = clamp(*total + n);
        *total
    }

    pub fn total(&self) -> usize {
        self.items.values().map(|n| n * 1).sum()
    }
}

impl<K> fmt::Display for Inventory<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} skus", self.items.len())
    }
}

pub trait Store {
    const KIND: &'static str;
    fn has(&self, sku: &str) -> bool;
    fn is_empty(&self) -> bool {
        !self.has("")
    }
}

macro_rules! square {
    ($x:expr) => {
        $x * $x
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds() {
        let mut inv = Inventory::default();
        assert_eq!(inv.add("a", 2), 2);
    }
}
`;

const BROKEN = `fn ok() -> i32 {
    1
}

fn bad( {
    let x = ;
}

struct After;

impl After {
    fn run(&self) {}
}
`;

describe('chunking Rust', () => {
  it('finds functions, impl and trait methods, modules, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'inventory.rs', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 5],
      ['declaration', 'MAX_ITEMS', undefined, 6, 7],
      ['declaration', 'NAME', undefined, 8, 8],
      ['declaration', 'Result', undefined, 9, 10],
      ['declaration', 'Inventory', undefined, 11, 16],
      ['declaration', 'Level', undefined, 17, 18],
      ['container-header', 'Inventory', undefined, 19, 19],
      ['method', 'add', 'Inventory', 20, 30],
      ['method', 'total', 'Inventory', 31, 33],
      ['container-footer', 'Inventory', undefined, 34, 35],
      // impl Display for Inventory<K>: named after the type.
      ['container-header', 'Inventory', undefined, 36, 36],
      ['method', 'fmt', 'Inventory', 37, 39],
      ['container-footer', 'Inventory', undefined, 40, 41],
      ['container-header', 'Store', undefined, 42, 44],
      ['method', 'is_empty', 'Store', 45, 47],
      ['container-footer', 'Store', undefined, 48, 49],
      ['declaration', 'square', undefined, 50, 55],
      ['container-header', 'tests', undefined, 56, 59],
      ['function', 'adds', 'tests', 60, 64],
      ['container-footer', 'tests', undefined, 65, 65],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'broken.rs', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
    assert.deepEqual(rows(file), [
      ['function', 'ok', undefined, 1, 4],
      ['function', 'bad', undefined, 5, 8],
      ['declaration', 'After', undefined, 9, 10],
      ['container-header', 'After', undefined, 11, 11],
      ['method', 'run', 'After', 12, 12],
      ['container-footer', 'After', undefined, 13, 13],
    ]);
  });
});
