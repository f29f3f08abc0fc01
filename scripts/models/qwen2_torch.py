"""Qwen2's causal LM in plain torch, with the inputs and outputs of the published ONNX exports.

forward(input_ids, attention_mask, position_ids, past_key_values) -> (logits, presents), where
past_key_values and presents are flat lists [key_0, value_0, key_1, value_1, ...], each
[batch, kv_heads, length, head_dim]. The attention mask spans past + new tokens; a position may attend to a
key when the mask holds 1 there and the key is not after it.
"""

import torch
from torch import nn
from torch.nn import functional as F


class RmsNorm(nn.Module):
    def __init__(self, size: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size))
        self.eps = eps

    def forward(self, x):
        variance = x.pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(variance + self.eps))


def rotary_cos_sin(position_ids, head_dim: int, theta: float):
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim))
    angles = position_ids.to(torch.float32).unsqueeze(-1) * inv_freq
    angles = torch.cat([angles, angles], dim=-1)
    return angles.cos().unsqueeze(1), angles.sin().unsqueeze(1)  # [batch, 1, seq, head_dim]


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


class Attention(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.heads = shape.num_attention_heads
        self.kv_heads = shape.num_key_value_heads
        self.head_dim = shape.head_dim
        hidden = shape.hidden_size
        self.q_proj = nn.Linear(hidden, self.heads * self.head_dim, bias=True)
        self.k_proj = nn.Linear(hidden, self.kv_heads * self.head_dim, bias=True)
        self.v_proj = nn.Linear(hidden, self.kv_heads * self.head_dim, bias=True)
        self.o_proj = nn.Linear(self.heads * self.head_dim, hidden, bias=False)

    def forward(self, x, cos, sin, allowed, past_key, past_value):
        batch, seq = x.shape[0], x.shape[1]
        q = self.q_proj(x).view(batch, seq, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(batch, seq, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(batch, seq, self.kv_heads, self.head_dim).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        key = torch.cat([past_key, k], dim=2)
        value = torch.cat([past_value, v], dim=2)

        # Grouped-query attention: each key/value head serves heads / kv_heads query heads.
        group = self.heads // self.kv_heads
        q = q.reshape(batch, self.kv_heads, group * seq, self.head_dim)
        scores = torch.matmul(q, key.transpose(2, 3)) / (self.head_dim ** 0.5)
        scores = scores.view(batch, self.kv_heads, group, seq, -1)
        # A fully masked row (a padding position) gets uniform weights rather than NaN.
        scores = scores.masked_fill(~allowed, torch.finfo(torch.float32).min)
        weights = F.softmax(scores, dim=-1).view(batch, self.kv_heads, group * seq, -1)
        out = torch.matmul(weights, value).view(batch, self.heads, seq, self.head_dim)
        out = out.transpose(1, 2).reshape(batch, seq, self.heads * self.head_dim)
        return self.o_proj(out), key, value


class Mlp(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.gate_proj = nn.Linear(shape.hidden_size, shape.intermediate_size, bias=False)
        self.up_proj = nn.Linear(shape.hidden_size, shape.intermediate_size, bias=False)
        self.down_proj = nn.Linear(shape.intermediate_size, shape.hidden_size, bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.input_layernorm = RmsNorm(shape.hidden_size, shape.rms_norm_eps)
        self.self_attn = Attention(shape)
        self.post_attention_layernorm = RmsNorm(shape.hidden_size, shape.rms_norm_eps)
        self.mlp = Mlp(shape)

    def forward(self, x, cos, sin, allowed, past_key, past_value):
        attended, key, value = self.self_attn(self.input_layernorm(x), cos, sin, allowed, past_key, past_value)
        x = x + attended
        x = x + self.mlp(self.post_attention_layernorm(x))
        return x, key, value


class Backbone(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.embed_tokens = nn.Embedding(shape.vocab_size, shape.hidden_size)
        self.layers = nn.ModuleList(DecoderLayer(shape) for _ in range(shape.num_hidden_layers))
        self.norm = RmsNorm(shape.hidden_size, shape.rms_norm_eps)


class Qwen2ForCausalLM(nn.Module):
    """Parameter names follow transformers' Qwen2 (model.layers.0.self_attn.q_proj.weight, ...)."""

    def __init__(self, shape):
        super().__init__()
        self.shape = shape
        self.model = Backbone(shape)
        self.lm_head = nn.Linear(shape.hidden_size, shape.vocab_size, bias=False)
        if shape.tie_word_embeddings:
            self.lm_head.weight = self.model.embed_tokens.weight

    def init_weights(self, seed: int):
        generator = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for name, parameter in self.named_parameters():
                if name.endswith("layernorm.weight") or name == "model.norm.weight":
                    parameter.fill_(1.0)
                elif name.endswith(".bias"):
                    parameter.zero_()
                else:
                    parameter.normal_(0.0, 0.02, generator=generator)

    def empty_past(self, batch: int) -> list:
        shape = self.shape
        size = (batch, shape.num_key_value_heads, 0, shape.head_dim)
        return [torch.zeros(size) for _ in range(2 * shape.num_hidden_layers)]

    def forward(self, input_ids, attention_mask, position_ids, *past_key_values):
        shape = self.shape
        seq = input_ids.shape[1]
        total = attention_mask.shape[1]
        query_index = torch.arange(seq) + (total - seq)
        key_index = torch.arange(total)
        causal = key_index.unsqueeze(0) <= query_index.unsqueeze(1)  # [seq, total]
        allowed = causal.unsqueeze(0) & attention_mask.bool().unsqueeze(1)  # [batch, seq, total]
        allowed = allowed.unsqueeze(1).unsqueeze(1)  # [batch, 1, 1, seq, total]: broadcast over heads

        cos, sin = rotary_cos_sin(position_ids, shape.head_dim, shape.rope_theta)
        x = self.model.embed_tokens(input_ids)
        presents = []
        for i, layer in enumerate(self.model.layers):
            x, key, value = layer(x, cos, sin, allowed, past_key_values[2 * i], past_key_values[2 * i + 1])
            presents += [key, value]
        logits = self.lm_head(self.model.norm(x))
        return (logits, *presents)

    def log_probs(self, ids: list) -> list:
        """log p(id_t | ids_<t) for t >= 1, natural log, one unpadded sequence from an empty past."""
        input_ids = torch.tensor([ids])
        with torch.no_grad():
            logits = self(input_ids, torch.ones_like(input_ids), torch.arange(len(ids)).unsqueeze(0), *self.empty_past(1))[0]
        logp = F.log_softmax(logits[0, :-1].double(), dim=-1)
        return logp.gather(1, input_ids[0, 1:].unsqueeze(1)).squeeze(1).tolist()
