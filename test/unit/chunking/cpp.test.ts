import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `// cache.cpp: a small LRU cache.
#include <list>
#include <unordered_map>

#define CACHE_CHECK(x) assert(x)

namespace store {

constexpr int kDefaultCapacity = 64;
enum class Policy { Lru, Fifo };
using Key = std::string;
struct Entry { Key key; int age; };

namespace {
int clamp(int n) { return n < 1 ? 1 : n; }
}  // namespace

/// An LRU cache of values by key.
template <typename V>
class Cache : public Base {
 public:
  explicit Cache(int capacity) : capacity_(clamp(capacity)), hits_(0) {}
  ~Cache() override = default;

  [[nodiscard]] bool contains(const Key& k) const { return index_.count(k) > 0; }
  void put(const Key& k, V v);
  V* get(const Key& k);

  bool operator==(const Cache& o) const { return capacity_ == o.capacity_; }
  explicit operator bool() const { return capacity_ > 0; }

  template <typename F>
  void each(F f) const {
    for (const auto& e : order_) f(e);
  }

 private:
  int capacity_;
  int hits_;
};

template <typename V>
void Cache<V>::put(const Key& k, V v) {
  auto evict = [this]() { order_.pop_back(); };
  if (static_cast<int>(order_.size()) >= capacity_) evict();
  order_.push_front(k);
}

inline namespace v2 {
int Stats::total() const { return hits + misses; }
}

std::ostream& operator<<(std::ostream& os, Policy p) {
  return os << static_cast<int>(p);
}

}  // namespace store

// Out-of-namespace definitions.
Registry::Registry() : count_(0) {}
Registry::~Registry() {}
int store::detail::Table::size() const { return n_; }

#if defined(_WIN32)
void flush() { FlushFileBuffers(handle); }
#else
void flush() { fsync(fd); }
#endif

extern "C" {
int cache_version(void) { return 2; }
}
`;

const BROKEN = `#include <vector>

class Widget {
 public:
  int width() const { return w_; }
  void resize(int w) { w_ = w +; }
  int height() const { return h_; }
 private:
  int w_, h_;
};

int area(const Widget& w) { return w.width() * w.height(); }
`;

describe('chunking C++', () => {
  it('finds namespaces, template classes, in-class and out-of-class methods, operators and #if branches', async () => {
    const file = await testChunker().chunkFile({ path: 'cache.cpp', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 4],
      ['declaration', 'CACHE_CHECK', undefined, 5, 6],
      ['container-header', 'store', undefined, 7, 8],
      ['declaration', 'kDefaultCapacity', 'store', 9, 9],
      ['declaration', 'Policy', 'store', 10, 10],
      ['declaration', 'Key', 'store', 11, 11],
      ['declaration', 'Entry', 'store', 12, 13],
      ['container-header', undefined, 'store', 14, 14],
      ['function', 'clamp', 'store.(anonymous)', 15, 15],
      ['container-footer', undefined, 'store', 16, 17],
      ['container-header', 'Cache', 'store', 18, 21],
      ['method', 'Cache', 'store.Cache', 22, 22],
      ['glue', undefined, 'store.Cache', 23, 24], // `= default` and declared-only members
      ['method', 'contains', 'store.Cache', 25, 25],
      ['glue', undefined, 'store.Cache', 26, 28],
      ['method', 'operator==', 'store.Cache', 29, 29],
      ['method', 'operator bool() const', 'store.Cache', 30, 31], // no node spans just `operator bool`
      ['method', 'each', 'store.Cache', 32, 35],
      ['container-footer', 'Cache', 'store', 36, 41],
      ['method', 'put', 'store.Cache', 42, 48], // template<...> out of class, in namespace store
      ['container-header', 'v2', 'store', 49, 49],
      ['method', 'total', 'store.v2.Stats', 50, 50],
      ['container-footer', 'v2', 'store', 51, 52],
      ['function', 'operator<<', 'store', 53, 55],
      ['container-footer', 'store', undefined, 56, 58],
      ['method', 'Registry', 'Registry', 59, 60],
      ['method', '~Registry', 'Registry', 61, 61],
      ['method', 'size', 'Table', 62, 63], // store::detail::Table::size: the innermost scope
      // Blocks around definitions: their opening and closing lines travel with what is kept inside.
      ['container-header', undefined, undefined, 64, 64],
      ['function', 'flush', undefined, 65, 65],
      ['glue', undefined, undefined, 66, 66],
      ['function', 'flush', undefined, 67, 67],
      ['container-footer', undefined, undefined, 68, 69],
      ['container-header', undefined, undefined, 70, 70],
      ['function', 'cache_version', undefined, 71, 71],
      ['container-footer', undefined, undefined, 72, 72],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error', async () => {
    const file = await testChunker().chunkFile({ path: 'widget.cpp', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['container-header', 'Widget', undefined, 3, 4],
      ['method', 'width', 'Widget', 5, 5],
      ['method', 'resize', 'Widget', 6, 6],
      ['method', 'height', 'Widget', 7, 7],
      ['container-footer', 'Widget', undefined, 8, 11],
      ['function', 'area', undefined, 12, 12],
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('a nested class that is the last member of its container is a container', async () => {
    const text = `class A {
  int f() {
    return 1;
  }

  struct Stats {
    void g() {
    }
  };
};
`;
    const file = await testChunker().chunkFile({ path: 'a.cpp', text });
    assert.deepEqual(rows(file), [
      ['container-header', 'A', undefined, 1, 1],
      ['method', 'f', 'A', 2, 5],
      ['container-header', 'Stats', 'A', 6, 6],
      ['method', 'g', 'A.Stats', 7, 8],
      ['container-footer', 'Stats', 'A', 9, 9],
      ['container-footer', 'A', undefined, 10, 10],
    ]);
  });
});
