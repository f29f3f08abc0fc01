import { test } from 'node:test';
import { assertRanksFirst, chunkProject, rankAt } from './projectRanking';

const java = {
  'src/main/java/app/store/Store.java': `package app.store;

import app.codec.Codec;
import static app.util.Checks.validate;

public class Store extends Base {
  String add(String key, int value) {
    validate(key);
    String data = Codec.encode(value);
    save(key);
    return data;
  }
}
`,
  'src/main/java/app/store/Base.java': `package app.store;

public class Base {
  String save(String key) {
    return key;
  }
}
`,
  'src/main/java/app/codec/Codec.java': `package app.codec;

public class Codec {
  public static String encode(int value) {
    return String.valueOf(value);
  }
}
`,
  'src/main/java/app/util/Checks.java': `package app.util;

public class Checks {
  public static void validate(String key) {
    if (key == null) throw new IllegalArgumentException();
  }
}
`,
  'src/main/java/app/other/Cache.java': `package app.other;

public class Cache {
  String save(String key) {
    return null;
  }

  static String encode(int value) {
    return "";
  }
}
`,
};

const go = {
  'store/store.go': `package store

import (
	"example.com/app/codec"
	"fmt"
)

type Store struct{ items map[string]string }

func (s *Store) Add(key string, value int) string {
	data := codec.Encode(value)
	s.save(key, data)
	fmt.Println(key)
	return normalize(data)
}

func normalize(data string) string { return data }
`,
  'store/save.go': `package store

func (s *Store) save(key, data string) { s.items[key] = data }
`,
  'codec/codec.go': `package codec

func Encode(value int) string { return "" }
`,
  'other/other.go': `package other

func Encode(value int) string { return "x" }

type Cache struct{}

func (c *Cache) save(key, data string) {}
`,
};

const rust = {
  'src/store.rs': `use crate::codec::{encode, decode as unpack};

pub struct Store;

impl Store {
    pub fn add(&self, key: &str, value: i32) -> String {
        let data = encode(value);
        self.save(key);
        unpack(&data)
    }

    fn save(&self, key: &str) {}
}
`,
  'src/codec.rs': `pub fn encode(value: i32) -> String { value.to_string() }

pub fn decode(text: &str) -> String { text.to_string() }
`,
  'src/other.rs': `pub fn encode(value: i32) -> String { String::new() }

pub struct Cache;

impl Cache {
    fn save(&self, key: &str) {}
}
`,
};

test('java: a bare call of a method of the class (implicit this), a static import and a class-qualified call resolve first', async () => {
  const files = await chunkProject(java);
  const ranking = rankAt(files, 'src/main/java/app/store/Store.java', 'return data;');
  assertRanksFirst(ranking, 'src/main/java/app/store/Base.java:Base.save', ['src/main/java/app/other/Cache.java:Cache.save'], 3);
  assertRanksFirst(ranking, 'src/main/java/app/codec/Codec.java:Codec.encode', ['src/main/java/app/other/Cache.java:Cache.encode'], 3);
  assertRanksFirst(ranking, 'src/main/java/app/util/Checks.java:Checks.validate', [], 3);
});

test('go: a package-qualified call resolves to the imported package; a receiver method to the type’s method in another file of the package', async () => {
  const files = await chunkProject(go);
  const ranking = rankAt(files, 'store/store.go', 'return normalize(data)');
  assertRanksFirst(ranking, 'codec/codec.go:Encode', ['other/other.go:Encode'], 3);
  assertRanksFirst(ranking, 'store/save.go:Store.save', ['other/other.go:Cache.save'], 3);
  assertRanksFirst(ranking, 'store/store.go:normalize', [], 5);
});

test('rust: a used import (renamed too) and a method of self resolve to their definitions, not the same-named ones elsewhere', async () => {
  const files = await chunkProject(rust);
  const ranking = rankAt(files, 'src/store.rs', 'unpack(&data)');
  assertRanksFirst(ranking, 'src/codec.rs:encode', ['src/other.rs:encode'], 3);
  assertRanksFirst(ranking, 'src/store.rs:Store.save', ['src/other.rs:Cache.save'], 3);
});
