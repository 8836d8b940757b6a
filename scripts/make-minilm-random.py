#!/usr/bin/python3
"""Writes all-MiniLM-L6-v2's architecture with seeded random weights, in the transformers.js layout.

Real sentence-embedding weights cannot be fetched on the build machines; cost depends on the
architecture, not on the weight values, and a useless encoder is exactly what the semantic
stage must detect and ignore. This builds the BERT encoder that `config.json` describes
(all-MiniLM-L6-v2: vocabulary 30,522, 512 positions, 2 token types, 6 post-norm layers,
hidden 384, 12 heads, FFN 1536, GELU) in plain PyTorch and exports it as transformers.js's
`feature-extraction` pipeline expects it:

  onnx/model.onnx              input_ids, attention_mask, token_type_ids -> last_hidden_state
  onnx/model_quantized.onnx    the q8 variant (dynamic quantisation, as for the random Whisper)

then copies the real model's text files (config, tokenizer) beside them. Its vectors are
meaningless; its timing and sizes are the real model's.

Usage: /usr/bin/python3 scripts/make-minilm-random.py TEXT_FILES_DIR OUT_DIR   (Debian: python3-torch, python3-onnx)
"""
import importlib.util
import json
import os
import shutil
import sys

import onnx
import torch
from torch import nn
from torch.nn import functional as F

TEXT_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"]
OPSET = 14
NEG_INF = -1e9


def whisper_generator():
    """The q8 writer lives with the random Whisper; one quantiser for both generated models."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-whisper-random.py")
    spec = importlib.util.spec_from_file_location("make_whisper_random", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class SelfAttention(nn.Module):
    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.heads, self.head_dim = heads, hidden // heads
        self.query, self.key, self.value = nn.Linear(hidden, hidden), nn.Linear(hidden, hidden), nn.Linear(hidden, hidden)

    def split(self, x):  # [b, t, d] -> [b, heads, t, head_dim]
        return x.reshape(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, bias):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = torch.matmul(q, k.transpose(2, 3)) * (self.head_dim ** -0.5) + bias
        out = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        return out.reshape(out.shape[0], out.shape[1], -1)


class Layer(nn.Module):
    """BERT's post-norm block: attention, add & norm, feed-forward, add & norm."""

    def __init__(self, c):
        super().__init__()
        d, eps = c["hidden_size"], c["layer_norm_eps"]
        self.attention = SelfAttention(d, c["num_attention_heads"])
        self.attention_output = nn.Linear(d, d)
        self.attention_norm = nn.LayerNorm(d, eps=eps)
        self.intermediate = nn.Linear(d, c["intermediate_size"])
        self.output = nn.Linear(c["intermediate_size"], d)
        self.output_norm = nn.LayerNorm(d, eps=eps)

    def forward(self, x, bias):
        x = self.attention_norm(x + self.attention_output(self.attention(x, bias)))
        return self.output_norm(x + self.output(F.gelu(self.intermediate(x))))


class Bert(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.word_embeddings = nn.Embedding(c["vocab_size"], d, padding_idx=c["pad_token_id"])
        self.position_embeddings = nn.Embedding(c["max_position_embeddings"], d)
        self.token_type_embeddings = nn.Embedding(c["type_vocab_size"], d)
        self.embedding_norm = nn.LayerNorm(d, eps=c["layer_norm_eps"])
        self.layers = nn.ModuleList(Layer(c) for _ in range(c["num_hidden_layers"]))
        # BERT's own initialisation: normal(0, initializer_range) for every matrix and table.
        for module in self.modules():
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=c["initializer_range"])
            if isinstance(module, nn.Linear):
                nn.init.zeros_(module.bias)

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(positions) + self.token_type_embeddings(token_type_ids)
        x = self.embedding_norm(x)
        # Padding keys get a large negative score, so a padded batch gives each text's own vectors.
        bias = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * NEG_INF
        for layer in self.layers:
            x = layer(x, bias)
        return x


def main(text_dir: str, out_dir: str) -> None:
    with open(os.path.join(text_dir, "config.json"), encoding="utf-8") as handle:
        config = json.load(handle)
    torch.manual_seed(0)
    model = Bert(config).eval()
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    ids = torch.tensor([[101, 2129, 2515, 4530, 5833, 2147, 1029, 102], [101, 7592, 102, 0, 0, 0, 0, 0]])
    mask = (ids != 0).to(torch.int64)
    axes = {name: {0: "batch_size", 1: "sequence_length"} for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")}
    fp32 = os.path.join(out_dir, "onnx", "model.onnx")
    with torch.no_grad():
        torch.onnx.export(model, (ids, mask, torch.zeros_like(ids)), fp32, input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    exported = onnx.load(fp32)
    onnx.checker.check_model(exported)
    onnx.save(whisper_generator().quantized(exported), os.path.join(out_dir, "onnx", "model_quantized.onnx"))
    for name in TEXT_FILES:
        shutil.copyfile(os.path.join(text_dir, name), os.path.join(out_dir, name))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-minilm-random.py TEXT_FILES_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
