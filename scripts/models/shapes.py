"""The model shapes this script writes, and the tokenizer each one uses."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    name: str
    hidden_size: int
    intermediate_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    vocab_size: int  # the model's; the tokenizer may have fewer ids (Qwen2 pads its embedding too)
    max_position_embeddings: int
    rope_theta: float
    tie_word_embeddings: bool
    tokenizer_merges: int  # BPE merges to train
    corpus_chars: int  # how much of the corpus trains the tokenizer (and the tiny model)
    corpus_chars_per_file: int
    train_steps: int  # 0: random weights
    rms_norm_eps: float = 1e-6

    @property
    def head_dim(self) -> int:
        return self.hidden_size // self.num_attention_heads


SHAPES = {
    # The committed test fixture: small enough to run in milliseconds, trained briefly so that its
    # predictions carry signal.
    "tiny": Shape(
        name="tiny",
        hidden_size=64,
        intermediate_size=192,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        vocab_size=2048,
        max_position_embeddings=256,
        rope_theta=10000.0,
        tie_word_embeddings=True,
        tokenizer_merges=1741,  # 256 bytes + 1741 merges + 3 special tokens = 2000 ids
        corpus_chars=2_000_000,
        corpus_chars_per_file=6_000,
        train_steps=1200,
    ),
    # Benchmark shapes: random weights (fixed seed), the same tokenizer (32,000 ids before padding).
    # ~57M parameters: untied embeddings are 2 x 16.4M of it.
    "57m": Shape(
        name="57m",
        hidden_size=512,
        intermediate_size=1536,
        num_hidden_layers=8,
        num_attention_heads=8,
        num_key_value_heads=2,
        vocab_size=32000,
        max_position_embeddings=4096,
        rope_theta=10000.0,
        tie_word_embeddings=False,
        tokenizer_merges=31741,
        corpus_chars=12_000_000,
        corpus_chars_per_file=12_000_000,
        train_steps=0,
    ),
    # Exactly Qwen2.5-Coder-0.5B's architecture.
    "0.5b": Shape(
        name="0.5b",
        hidden_size=896,
        intermediate_size=4864,
        num_hidden_layers=24,
        num_attention_heads=14,
        num_key_value_heads=2,
        vocab_size=151936,
        max_position_embeddings=32768,
        rope_theta=1000000.0,
        tie_word_embeddings=True,
        tokenizer_merges=31741,
        corpus_chars=12_000_000,
        corpus_chars_per_file=12_000_000,
        train_steps=0,
    ),
}
