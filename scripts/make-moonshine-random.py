#!/usr/bin/python3
"""Writes a Moonshine with the real architecture and seeded random weights, in the transformers.js layout.

As make-whisper-random.py does for Whisper: compute cost depends on the architecture, not on the
weight values, and real weights cannot be fetched on the build machines. This builds the model
that `config.json` describes (moonshine-tiny: a learned audio front end of three convolutions on
the raw 16 kHz samples, 6 + 6 layers of width 288, 8 heads, rotary positions on 90 % of each head,
a gated SiLU feed-forward of 1,152 in the decoder, GELU in the encoder, vocabulary 32,768, output
projection tied to the token embedding) in plain PyTorch, after transformers' MoonshineModel, and
exports what transformers.js's Moonshine model reads (Seq2Seq sessions, src/models/session_config.js):

  onnx/encoder_model.onnx                input_values [batch, samples] -> last_hidden_state; its
                                         length follows the audio (no 30 s window as in Whisper)
  onnx/decoder_model_merged.onnx         the same merged layout as Whisper's: an `If` on
                                         `use_cache_branch`, `past_key_values.{i}.{decoder,encoder}.{key,value}`
                                         in, `logits` and `present.*` out, weights stored once
  onnx/*_quantized.onnx                  q8 by dynamic quantisation, as for Whisper

and copies the published text files (config, generation config, feature extractor, tokenizer)
beside them. The text it produces is meaningless; its timing is the real model's.

Usage: /usr/bin/python3 scripts/make-moonshine-random.py TEXT_FILES_DIR OUT_DIR   (Debian: python3-torch, python3-onnx)
"""
import importlib.util
import json
import os
import shutil
import sys
import tempfile

import onnx
import torch
from torch import nn
from torch.nn import functional as F

# The merged-decoder layout and the q8 rewrite are the same as Whisper's: one implementation.
_spec = importlib.util.spec_from_file_location("whisper_random", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-whisper-random.py"))
whisper_random = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(whisper_random)
cache_names, cache_axes, export = whisper_random.cache_names, whisper_random.cache_axes, whisper_random.export
merge_decoders, quantized, tied_output_projection = whisper_random.merge_decoders, whisper_random.quantized, whisper_random.tied_output_projection

TEXT_FILES = whisper_random.TEXT_FILES
NEG_INF = whisper_random.NEG_INF


def rotary(positions: torch.Tensor, rotary_dim: int, theta: float):
    """cos and sin per position for the first rotary_dim channels of a head."""
    inv_freq = 1.0 / (theta ** (torch.arange(0, rotary_dim, 2, dtype=torch.float32) / rotary_dim))
    angles = positions.float().unsqueeze(1) * inv_freq.unsqueeze(0)  # [t, rotary_dim / 2]
    angles = torch.cat([angles, angles], dim=-1)
    return torch.cos(angles), torch.sin(angles)


def apply_rotary(x, cos, sin):
    """x [b, heads, t, head_dim]: the first rotary_dim channels rotated, the rest passed through.
    Moonshine pairs channels (0, 1), (2, 3), …; this pairs (i, i + rotary_dim / 2), which is the same
    rotation after a fixed reordering of the projection's output channels: the same compute, and with
    random weights the same model."""
    rotary_dim = cos.shape[-1]
    half = rotary_dim // 2
    rot, rest = x[..., :rotary_dim], x[..., rotary_dim:]
    rotated_half = torch.cat([-rot[..., half:], rot[..., :half]], dim=-1)
    return torch.cat([rot * cos + rotated_half * sin, rest], dim=-1)


class Attention(nn.Module):
    def __init__(self, d_model: int, heads: int):
        super().__init__()
        self.heads, self.head_dim = heads, d_model // heads
        # Moonshine's attention has no biases (attention_bias: false).
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)
        self.v_proj = nn.Linear(d_model, d_model, bias=False)
        self.o_proj = nn.Linear(d_model, d_model, bias=False)

    def split(self, x):  # [b, t, d] -> [b, heads, t, head_dim]
        return x.reshape(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def keys_values(self, x, rope=None):
        k, v = self.split(self.k_proj(x)), self.split(self.v_proj(x))
        return (apply_rotary(k, *rope) if rope else k), v

    def attend(self, x, k, v, rope=None, bias=None):
        q = self.split(self.q_proj(x))
        if rope:
            q = apply_rotary(q, *rope)
        scores = torch.matmul(q, k.transpose(2, 3)) * (self.head_dim ** -0.5)
        if bias is not None:
            scores = scores + bias
        out = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        return self.o_proj(out.reshape(out.shape[0], out.shape[1], -1))


def layer_norm(d: int):
    # Moonshine's layer norms have no bias; Debian's torch 1.13 cannot leave it out, so it stays at zero.
    return nn.LayerNorm(d)


class EncoderLayer(nn.Module):
    def __init__(self, d: int, heads: int, ffn: int):
        super().__init__()
        self.input_layernorm, self.self_attn = layer_norm(d), Attention(d, heads)
        self.post_attention_layernorm = layer_norm(d)
        self.fc1, self.fc2 = nn.Linear(d, ffn), nn.Linear(ffn, d)

    def forward(self, x, rope):
        h = self.input_layernorm(x)
        x = x + self.self_attn.attend(h, *self.self_attn.keys_values(h, rope), rope)
        return x + self.fc2(F.gelu(self.fc1(self.post_attention_layernorm(x))))


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.rotary_dim = int(d // c["encoder_num_attention_heads"] * c["partial_rotary_factor"]) // 2 * 2
        self.theta = c.get("rope_theta", 10000.0)
        # The learned front end on raw samples: 16 kHz / 64 / 3 / 2, about 41.7 frames a second.
        self.conv1 = nn.Conv1d(1, d, kernel_size=127, stride=64, bias=False)
        self.groupnorm = nn.GroupNorm(num_groups=1, num_channels=d, eps=1e-5)
        self.conv2 = nn.Conv1d(d, 2 * d, kernel_size=7, stride=3)
        self.conv3 = nn.Conv1d(2 * d, d, kernel_size=3, stride=2)
        self.layers = nn.ModuleList(EncoderLayer(d, c["encoder_num_attention_heads"], c["intermediate_size"]) for _ in range(c["encoder_num_hidden_layers"]))
        self.layer_norm = layer_norm(d)

    def forward(self, input_values):
        x = self.groupnorm(torch.tanh(self.conv1(input_values.unsqueeze(1))))
        x = F.gelu(self.conv3(F.gelu(self.conv2(x)))).transpose(1, 2)
        rope = rotary(torch.arange(x.shape[1]), self.rotary_dim, self.theta)
        for layer in self.layers:
            x = layer(x, rope)
        return self.layer_norm(x)


class DecoderLayer(nn.Module):
    def __init__(self, d: int, heads: int, ffn: int):
        super().__init__()
        self.input_layernorm, self.self_attn = layer_norm(d), Attention(d, heads)
        self.post_attention_layernorm, self.encoder_attn = layer_norm(d), Attention(d, heads)
        self.final_layernorm = layer_norm(d)
        self.fc1, self.fc2 = nn.Linear(d, 2 * ffn), nn.Linear(ffn, d)

    def forward(self, x, rope, bias, past_self, cross):
        h = self.input_layernorm(x)
        k, v = self.self_attn.keys_values(h, rope)
        if past_self is not None:
            k, v = torch.cat([past_self[0], k], dim=2), torch.cat([past_self[1], v], dim=2)
        x = x + self.self_attn.attend(h, k, v, rope, bias)
        x = x + self.encoder_attn.attend(self.post_attention_layernorm(x), *cross)
        # Gated SiLU: the first half of fc1 is the value, the second half the gate.
        value, gate = self.fc1(self.final_layernorm(x)).chunk(2, dim=-1)
        return x + self.fc2(F.silu(gate) * value), (k, v)


class Decoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.rotary_dim = int(d // c["decoder_num_attention_heads"] * c["partial_rotary_factor"]) // 2 * 2
        self.theta = c.get("rope_theta", 10000.0)
        self.embed_tokens = nn.Embedding(c["vocab_size"], d)
        self.layers = nn.ModuleList(DecoderLayer(d, c["decoder_num_attention_heads"], c["intermediate_size"]) for _ in range(c["decoder_num_hidden_layers"]))
        self.norm = layer_norm(d)
        nn.init.normal_(self.embed_tokens.weight, std=0.02)
        # Louder feed-forward weights than the default: with a tied output projection, random weights
        # whose residual stream stays close to the input embedding would emit the same token over and
        # over (the loop filter drops that line); a stronger transform walks through the vocabulary.
        for layer in self.layers:
            nn.init.normal_(layer.fc2.weight, std=0.5)

    def keys_values_of_encoder(self, encoder_hidden_states):
        return [layer.encoder_attn.keys_values(encoder_hidden_states) for layer in self.layers]

    def run(self, input_ids, past_length, past_self, crosses):
        new_length = input_ids.shape[1]
        positions = torch.arange(new_length) + past_length
        rope = rotary(positions, self.rotary_dim, self.theta)
        x = self.embed_tokens(input_ids)
        rows = positions.unsqueeze(1)
        columns = torch.arange(new_length + past_length).unsqueeze(0)
        bias = torch.where(columns > rows, torch.tensor(NEG_INF), torch.tensor(0.0))
        presents = []
        for i, layer in enumerate(self.layers):
            x, present = layer(x, rope, bias, past_self[i] if past_self else None, crosses[i])
            presents.append(present)
        # proj_out is tied to the token embedding (tie_word_embeddings).
        return torch.matmul(self.norm(x), self.embed_tokens.weight.t()), presents


class FirstStep(nn.Module):
    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, input_ids, encoder_hidden_states):
        crosses = self.decoder.keys_values_of_encoder(encoder_hidden_states)
        logits, presents = self.decoder.run(input_ids, 0, None, crosses)
        out = [logits]
        for (k, v), (ck, cv) in zip(presents, crosses):
            out += [k, v, ck, cv]
        return tuple(out)


class CachedStep(nn.Module):
    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, input_ids, *past):
        layers = [past[i * 4:i * 4 + 4] for i in range(len(self.decoder.layers))]
        past_length = layers[0][0].shape[2]
        logits, presents = self.decoder.run(input_ids, past_length, [(p[0], p[1]) for p in layers], [(p[2], p[3]) for p in layers])
        out = [logits]
        for (k, v), p in zip(presents, layers):
            out += [k, v, p[2][:, :, :0], p[3][:, :, :0]]  # made empty constants by merge_decoders
        return tuple(out)


def main(text_dir: str, out_dir: str) -> None:
    with open(os.path.join(text_dir, "config.json"), encoding="utf-8") as handle:
        config = json.load(handle)
    torch.manual_seed(0)
    encoder, decoder = Encoder(config).eval(), Decoder(config).eval()
    d, heads, layers = config["hidden_size"], config["decoder_num_attention_heads"], config["decoder_num_hidden_layers"]
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    audio = torch.randn(1, 16_000 * 3) * 0.1
    with torch.no_grad(), tempfile.TemporaryDirectory() as scratch:
        encoder_model = export(encoder, (audio,), os.path.join(scratch, "encoder.onnx"), ["input_values"], ["last_hidden_state"],
                               {"input_values": {0: "batch_size", 1: "num_samples"}, "last_hidden_state": {0: "batch_size", 1: "encoder_sequence_length"}})
        hidden = encoder(audio)
        ids = torch.tensor([[config["decoder_start_token_id"], 3]])
        outputs = ["logits", *cache_names("present", layers)]
        first = export(FirstStep(decoder), (ids, hidden), os.path.join(scratch, "first.onnx"), ["input_ids", "encoder_hidden_states"], outputs,
                       {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"}, "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
                        "logits": {0: "batch_size", 1: "decoder_sequence_length"},
                        **cache_axes(cache_names("present", layers), "decoder_sequence_length", "encoder_sequence_length")})
        past = FirstStep(decoder)(ids, hidden)[1:]
        cached = export(CachedStep(decoder), (ids[:, :1], *past), os.path.join(scratch, "cached.onnx"),
                        ["input_ids", *cache_names("past_key_values", layers)], outputs,
                        {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"}, "logits": {0: "batch_size", 1: "decoder_sequence_length"},
                         **cache_axes(cache_names("past_key_values", layers), "past_decoder_sequence_length", "encoder_sequence_length_out"),
                         **cache_axes(cache_names("present", layers), "present_decoder_sequence_length", "encoder_sequence_length_out")})
    embedding = decoder.embed_tokens.weight.detach().numpy()
    merged = merge_decoders(tied_output_projection(first, embedding), tied_output_projection(cached, embedding), layers, d, heads)
    onnx.checker.check_model(merged)
    for name, model in {"encoder_model": encoder_model, "decoder_model_merged": merged}.items():
        onnx.save(model, os.path.join(out_dir, "onnx", f"{name}.onnx"))
        onnx.save(quantized(model), os.path.join(out_dir, "onnx", f"{name}_quantized.onnx"))
    for name in TEXT_FILES:
        shutil.copyfile(os.path.join(text_dir, name), os.path.join(out_dir, name))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-moonshine-random.py TEXT_FILES_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
