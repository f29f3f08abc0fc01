"""Byte-level BPE as Qwen2's tokenizer.json defines it: training merges, and encoding text to ids.

Encoding follows the Hugging Face `tokenizers` pipeline for Qwen2: added tokens are split out first,
the rest is NFC-normalized, split with Qwen2's regex, mapped byte by byte to printable characters
(GPT-2's table) and merged by merge rank.
"""

import heapq
import unicodedata
from collections import Counter, defaultdict

import regex

# Qwen2's pre-tokenizer: contractions, letters with one leading non-letter, single digits,
# punctuation runs with trailing newlines, newline runs, and whitespace.
QWEN2_SPLIT_PATTERN = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}"
    r"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)
_split = regex.compile(QWEN2_SPLIT_PATTERN)

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]


def byte_symbols() -> list:
    """GPT-2's byte-to-character table, in the order the byte tokens take their ids."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    order = list(printable)
    chars = list(printable)
    extra = 0
    for b in range(256):
        if b not in printable:
            order.append(b)
            chars.append(256 + extra)
            extra += 1
    return [(b, chr(c)) for b, c in zip(order, chars)]


BYTE_TO_CHAR = {b: c for b, c in byte_symbols()}


def pre_tokenize(text: str) -> list:
    """NFC, Qwen2's split, then bytes to printable characters: the words BPE works on."""
    normalized = unicodedata.normalize("NFC", text)
    return ["".join(BYTE_TO_CHAR[b] for b in piece.encode("utf-8")) for piece in _split.findall(normalized)]


def count_words(texts) -> Counter:
    counts = Counter()
    for text in texts:
        counts.update(pre_tokenize(text))
    return counts


def train_merges(word_counts: Counter, num_merges: int) -> list:
    """Most frequent adjacent pair first (ties: the smaller pair of strings), never across words."""
    words = [list(word) for word in word_counts]
    freqs = list(word_counts.values())
    pair_counts = defaultdict(int)
    pair_words = defaultdict(set)
    for index, (symbols, freq) in enumerate(zip(words, freqs)):
        for pair in zip(symbols, symbols[1:]):
            pair_counts[pair] += freq
            pair_words[pair].add(index)
    heap = [(-count, pair) for pair, count in pair_counts.items()]
    heapq.heapify(heap)

    merges = []
    while len(merges) < num_merges and heap:
        negative, pair = heapq.heappop(heap)
        if pair_counts.get(pair, 0) != -negative:
            continue  # a stale entry: the pair's count changed and a fresh entry was pushed
        if -negative < 2:
            break
        merges.append(pair)
        merged = pair[0] + pair[1]
        changed = set()
        for index in list(pair_words[pair]):
            symbols, freq = words[index], freqs[index]
            for old in zip(symbols, symbols[1:]):
                pair_counts[old] -= freq
                changed.add(old)
                pair_words[old].discard(index)
            symbols = _merge_pair(symbols, pair, merged)
            words[index] = symbols
            for new in zip(symbols, symbols[1:]):
                pair_counts[new] += freq
                changed.add(new)
                pair_words[new].add(index)
        for key in changed:
            count = pair_counts[key]
            if count > 0:
                heapq.heappush(heap, (-count, key))
            else:
                del pair_counts[key]
    return merges


def _merge_pair(symbols: list, pair: tuple, merged: str) -> list:
    out = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(merged)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


class ByteLevelBpe:
    """The vocabulary: 256 byte symbols, one token per merge, then the special tokens."""

    def __init__(self, merges: list, special_tokens=SPECIAL_TOKENS):
        self.merges = list(merges)
        self.vocab = {}
        for _, char in byte_symbols():
            self.vocab[char] = len(self.vocab)
        for left, right in self.merges:
            self.vocab[left + right] = len(self.vocab)
        self.special_tokens = {token: len(self.vocab) + i for i, token in enumerate(special_tokens)}
        self.ranks = {pair: rank for rank, pair in enumerate(self.merges)}
        self._special_split = regex.compile("(" + "|".join(regex.escape(t) for t in special_tokens) + ")")
        self._cache = {}

    def __len__(self):
        return len(self.vocab) + len(self.special_tokens)

    def token_id(self, token: str) -> int:
        return self.special_tokens.get(token, self.vocab.get(token))

    def encode(self, text: str) -> list:
        ids = []
        for part in self._special_split.split(text):
            if part in self.special_tokens:
                ids.append(self.special_tokens[part])
            elif part:
                for word in pre_tokenize(part):
                    ids.extend(self._encode_word(word))
        return ids

    def decode(self, ids: list) -> str:
        char_to_byte = {c: b for b, c in byte_symbols()}
        by_id = {i: t for t, i in self.vocab.items()}
        by_id.update({i: t for t, i in self.special_tokens.items()})
        out = bytearray()
        for i in ids:
            token = by_id[i]
            if token in self.special_tokens:
                out.extend(token.encode("utf-8"))
            else:
                out.extend(char_to_byte[c] for c in token)
        return out.decode("utf-8", errors="replace")

    def _encode_word(self, word: str) -> list:
        cached = self._cache.get(word)
        if cached is None:
            symbols = list(word)
            while len(symbols) > 1:
                ranked = [(self.ranks.get(p, None), p) for p in zip(symbols, symbols[1:])]
                ranked = [(r, p) for r, p in ranked if r is not None]
                if not ranked:
                    break
                _, best = min(ranked)
                symbols = _merge_pair(symbols, best, best[0] + best[1])
            cached = [self.vocab[s] for s in symbols]
            self._cache[word] = cached
        return cached
