#!/usr/bin/python3
"""Writes a Whisper with the real architecture and seeded random weights, in the transformers.js layout.

Real Whisper weights cannot be fetched on the build machines, but compute cost depends on
the architecture, not on the weight values. This builds the model that `config.json`
describes (whisper-tiny.en: 80 mel bins, two convolutions, 4 + 4 layers, d_model 384,
6 heads, FFN 1536, vocabulary 51,864, 1,500 source and 448 target positions) in plain
PyTorch, exports it as transformers.js expects it:

  onnx/encoder_model.onnx                input_features -> last_hidden_state
  onnx/decoder_model_merged.onnx         one graph, an `If` on `use_cache_branch` choosing between
                                         the first step (no cache) and the cached steps,
                                         inputs `past_key_values.{i}.{decoder,encoder}.{key,value}`,
                                         outputs `logits` and `present.*`
  onnx/*_quantized.onnx                  the q8 variant: dynamic quantisation as ONNX Runtime's
                                         `quantize_dynamic` writes it (DynamicQuantizeLinear +
                                         MatMulInteger for every weight matrix, 8-bit embeddings)

and copies the real model's text files (config, generation config, feature extractor,
tokenizer) beside them, so transformers.js loads the same folder layout users download.
The text it produces is meaningless; its timing is the real model's.

Usage: /usr/bin/python3 scripts/make-whisper-random.py TEXT_FILES_DIR OUT_DIR   (Debian: python3-torch, python3-onnx)
"""
import hashlib
import json
import os
import shutil
import sys
import tempfile

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn
from torch.nn import functional as F

TEXT_FILES = ["config.json", "generation_config.json", "preprocessor_config.json", "tokenizer.json", "tokenizer_config.json"]
OPSET = 14
NEG_INF = -1e9


class Attention(nn.Module):
    def __init__(self, d_model: int, heads: int):
        super().__init__()
        self.heads, self.head_dim = heads, d_model // heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)  # Whisper's key projection has no bias
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def split(self, x):  # [b, t, d] -> [b, heads, t, head_dim]
        return x.reshape(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def keys_values(self, x):
        return self.split(self.k_proj(x)), self.split(self.v_proj(x))

    def attend(self, x, k, v, bias=None):
        q = self.split(self.q_proj(x)) * (self.head_dim ** -0.5)
        scores = torch.matmul(q, k.transpose(2, 3))
        if bias is not None:
            scores = scores + bias
        out = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2)
        return self.out_proj(out.reshape(out.shape[0], out.shape[1], -1))


class FeedForward(nn.Module):
    def __init__(self, d_model: int, ffn: int):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(d_model, ffn), nn.Linear(ffn, d_model)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class EncoderLayer(nn.Module):
    def __init__(self, d_model: int, heads: int, ffn: int):
        super().__init__()
        self.self_attn_layer_norm, self.self_attn = nn.LayerNorm(d_model), Attention(d_model, heads)
        self.final_layer_norm, self.ffn = nn.LayerNorm(d_model), FeedForward(d_model, ffn)

    def forward(self, x):
        h = self.self_attn_layer_norm(x)
        x = x + self.self_attn.attend(h, *self.self_attn.keys_values(h))
        return x + self.ffn(self.final_layer_norm(x))


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["d_model"]
        self.conv1 = nn.Conv1d(c["num_mel_bins"], d, kernel_size=3, padding=1)
        self.conv2 = nn.Conv1d(d, d, kernel_size=3, stride=2, padding=1)
        self.embed_positions = nn.Parameter(torch.randn(c["max_source_positions"], d) * 0.02)
        self.layers = nn.ModuleList(EncoderLayer(d, c["encoder_attention_heads"], c["encoder_ffn_dim"]) for _ in range(c["encoder_layers"]))
        self.layer_norm = nn.LayerNorm(d)

    def forward(self, input_features):
        x = F.gelu(self.conv2(F.gelu(self.conv1(input_features)))).transpose(1, 2)
        x = x + self.embed_positions
        for layer in self.layers:
            x = layer(x)
        return self.layer_norm(x)


class DecoderLayer(nn.Module):
    def __init__(self, d_model: int, heads: int, ffn: int):
        super().__init__()
        self.self_attn_layer_norm, self.self_attn = nn.LayerNorm(d_model), Attention(d_model, heads)
        self.encoder_attn_layer_norm, self.encoder_attn = nn.LayerNorm(d_model), Attention(d_model, heads)
        self.final_layer_norm, self.ffn = nn.LayerNorm(d_model), FeedForward(d_model, ffn)

    def forward(self, x, bias, past_self, cross):
        h = self.self_attn_layer_norm(x)
        k, v = self.self_attn.keys_values(h)
        if past_self is not None:
            k, v = torch.cat([past_self[0], k], dim=2), torch.cat([past_self[1], v], dim=2)
        x = x + self.self_attn.attend(h, k, v, bias)
        x = x + self.encoder_attn.attend(self.encoder_attn_layer_norm(x), *cross)
        return x + self.ffn(self.final_layer_norm(x)), (k, v)


class Decoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["d_model"]
        self.embed_tokens = nn.Embedding(c["vocab_size"], d)
        self.embed_positions = nn.Embedding(c["max_target_positions"], d)
        self.layers = nn.ModuleList(DecoderLayer(d, c["decoder_attention_heads"], c["decoder_ffn_dim"]) for _ in range(c["decoder_layers"]))
        self.layer_norm = nn.LayerNorm(d)
        nn.init.normal_(self.embed_tokens.weight, std=0.02)
        # Positions louder than tokens: random weights then emit a different token at each step
        # rather than one token over and over, which the loop filter would drop.
        nn.init.normal_(self.embed_positions.weight, std=1.0)

    def run(self, input_ids, past_length, past_self, crosses):
        new_length = input_ids.shape[1]
        positions = torch.arange(new_length) + past_length
        x = self.embed_tokens(input_ids) + self.embed_positions(positions)
        # Causal mask over past + new keys: a new token sees the past and the new tokens up to itself.
        rows = torch.arange(new_length).unsqueeze(1) + past_length
        columns = torch.arange(new_length + past_length).unsqueeze(0)
        bias = torch.where(columns > rows, torch.tensor(NEG_INF), torch.tensor(0.0))
        presents = []
        for i, layer in enumerate(self.layers):
            x, present = layer(x, bias, past_self[i] if past_self else None, crosses[i])
            presents.append(present)
        x = self.layer_norm(x)
        # Output projection tied to the token embedding, as in Whisper.
        return torch.matmul(x, self.embed_tokens.weight.t()), presents


class FirstStep(nn.Module):
    """The decoder with no cache: cross-attention keys and values come from the encoder output."""

    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, input_ids, encoder_hidden_states):
        crosses = [layer.encoder_attn.keys_values(encoder_hidden_states) for layer in self.decoder.layers]
        logits, presents = self.decoder.run(input_ids, 0, None, crosses)
        out = [logits]
        for (k, v), (ck, cv) in zip(presents, crosses):
            out += [k, v, ck, cv]
        return tuple(out)


class CachedStep(nn.Module):
    """The decoder with a cache: past self-attention keys/values grow, cross-attention ones are reused."""

    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, input_ids, *past):
        layers = [past[i * 4:i * 4 + 4] for i in range(len(self.decoder.layers))]
        past_length = layers[0][0].shape[2]
        logits, presents = self.decoder.run(input_ids, past_length, [(p[0], p[1]) for p in layers], [(p[2], p[3]) for p in layers])
        out = [logits]
        for (k, v), p in zip(presents, layers):
            # Cross-attention keys and values do not change after the first step: this branch returns
            # placeholders (made constant in `merge_decoders`) and transformers.js keeps the first step's.
            out += [k, v, p[2][:, :, :0], p[3][:, :, :0]]
        return tuple(out)


def cache_names(prefix: str, layers: int):
    return [f"{prefix}.{i}.{part}.{kv}" for i in range(layers) for part in ("decoder", "encoder") for kv in ("key", "value")]


def cache_axes(names, decoder_axis: str, encoder_axis: str):
    return {name: {0: "batch_size", 2: decoder_axis if ".decoder." in name else encoder_axis} for name in names}


def export(module, args, path, input_names, output_names, axes):
    torch.onnx.export(module, args, path, input_names=input_names, output_names=output_names,
                      dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    return onnx.load(path)


def tied_output_projection(model: onnx.ModelProto, embedding: np.ndarray) -> onnx.ModelProto:
    """Constant folding stores the transposed embedding a second time for the logits; point that
    MatMul at a Transpose of the one embedding table instead, as the published files do."""
    graph = model.graph
    transposed = embedding.T
    same = lambda init, array: tuple(init.dims) == array.shape and np.array_equal(numpy_helper.to_array(init), array)
    table = next((init.name for init in graph.initializer if same(init, embedding)), None)
    for init in list(graph.initializer) if table else []:
        if same(init, transposed):
            graph.initializer.remove(init)
            graph.node.insert(0, helper.make_node("Transpose", [table], [init.name], perm=[1, 0], name=f"{init.name}_tied"))
    return model


def merge_decoders(first: onnx.ModelProto, cached: onnx.ModelProto, layers: int, d_model: int, heads: int) -> onnx.ModelProto:
    """One graph with an `If` on `use_cache_branch`, weights shared between the two branches
    (stored once in the outer graph, found by content)."""
    head_dim = d_model // heads
    outer_inputs = {"input_ids", "encoder_hidden_states", *cache_names("past_key_values", layers)}
    output_names = ["logits", *cache_names("present", layers)]
    shared, by_digest = [], {}

    def branch(model: onnx.ModelProto, prefix: str) -> onnx.GraphProto:
        graph = model.graph
        renames = {}
        for init in graph.initializer:
            array = numpy_helper.to_array(init)
            digest = hashlib.sha1(f"{array.dtype}{array.shape}".encode() + array.tobytes()).hexdigest()
            if digest not in by_digest:
                by_digest[digest] = f"w_{len(by_digest)}"
                copy = onnx.TensorProto()
                copy.CopyFrom(init)
                copy.name = by_digest[digest]
                shared.append(copy)
            renames[init.name] = by_digest[digest]

        def name(value: str) -> str:
            if value == "" or value in outer_inputs:
                return value
            return renames.get(value, f"{prefix}/{value}")

        nodes = []
        for node in graph.node:
            copy = onnx.NodeProto()
            copy.CopyFrom(node)
            copy.name = f"{prefix}/{node.name}"
            copy.input[:] = [name(v) for v in node.input]
            copy.output[:] = [name(v) for v in node.output]
            nodes.append(copy)
        outputs = [helper.make_tensor_value_info(name(o.name), o.type.tensor_type.elem_type, None) for o in graph.output]
        if prefix == "cached":
            # As the published merged decoders do (optimum's merge): the cached step's cross-attention
            # outputs are empty constants [0, heads, 1, head_dim], nothing computed.
            placeholders = {o.name for o in outputs if ".encoder." in o.name}
            nodes = [n for n in nodes if not placeholders.intersection(n.output)]
            empty = numpy_helper.from_array(np.zeros((0, heads, 1, head_dim), np.float32))
            nodes += [helper.make_node("Constant", [], [o], value=empty, name=f"{o}/empty") for o in sorted(placeholders)]
        return helper.make_graph(nodes, f"{prefix}_branch", [], outputs)

    then_branch = branch(cached, "cached")
    else_branch = branch(first, "first")
    cache_dims = lambda name, decoder_axis, encoder_axis: ["batch_size", heads, decoder_axis if ".decoder." in name else encoder_axis, head_dim]
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
        helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", d_model]),
        *[helper.make_tensor_value_info(n, TensorProto.FLOAT, cache_dims(n, "past_decoder_sequence_length", "encoder_sequence_length_out"))
          for n in cache_names("past_key_values", layers)],
        helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]),
    ]
    outputs = [
        helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", "vocab_size"]),
        *[helper.make_tensor_value_info(n, TensorProto.FLOAT, cache_dims(n, "present_decoder_sequence_length", "encoder_sequence_length_out"))
          for n in cache_names("present", layers)],
    ]
    node = helper.make_node("If", ["use_cache_branch"], output_names, then_branch=then_branch, else_branch=else_branch, name="optimum::if")
    graph = helper.make_graph([node], "whisper_decoder_merged", inputs, outputs, shared)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="cuecard")


# ---- q8: dynamic quantisation (what onnxruntime.quantization.quantize_dynamic writes) ----

ZERO_POINT = 128


def quantize_uint8(weight: np.ndarray, axis: int):
    """Symmetric 8-bit around zero point 128, one scale per slice along `axis` (rows: 1, columns: 0).
    Unsigned like the published q8 files: u8 x s8 products can saturate in ONNX Runtime's
    16-bit accumulating kernels (WASM, AVX2), u8 x u8 cannot."""
    scale = np.maximum(np.abs(weight).max(axis=axis, keepdims=True), 1e-8) / 127.0
    return (np.clip(np.round(weight / scale), -127, 127) + ZERO_POINT).astype(np.uint8), scale.reshape(-1).astype(np.float32)


class Quantizer:
    def __init__(self, outer: onnx.GraphProto):
        self.outer = outer
        self.weights = {i.name: numpy_helper.to_array(i) for i in outer.initializer}
        self.done = {}
        # The one zero point every 8-bit table uses (`quantized` drops it if nothing does).
        outer.initializer.append(numpy_helper.from_array(np.array(ZERO_POINT, np.uint8), "zero_point"))
        outer.initializer.append(numpy_helper.from_array(np.array(ZERO_POINT, np.float32), "zero_point_float"))
        self.count = 0

    def weight_of(self, graph, value):
        """The float matrix a value holds: an initializer, or a Transpose of one (the tied projection)."""
        if value in self.weights and self.weights[value].ndim == 2:
            return ("plain", value)
        for node in graph.node:
            if node.op_type == "Transpose" and node.output[0] == value and node.input[0] in self.weights:
                return ("transposed", node.input[0])
        return None

    def uint8_table(self, name: str, axis: int):
        """Each float table once in 8 bits (+ scales), shared by every use."""
        if name not in self.done:
            table, scale = quantize_uint8(self.weights[name], axis)
            self.outer.initializer.extend([numpy_helper.from_array(table, f"{name}_q8"), numpy_helper.from_array(scale, f"{name}_scale")])
            self.done[name] = (f"{name}_q8", f"{name}_scale")
        return self.done[name]

    def rewrite(self, graph: onnx.GraphProto):
        nodes = []
        for node in graph.node:
            for attribute in node.attribute:
                if attribute.type == onnx.AttributeProto.GRAPH:
                    self.rewrite(attribute.g)
            source = self.weight_of(graph, node.input[1]) if node.op_type == "MatMul" else None
            if source:
                nodes += self.matmul(node, *source)
            elif node.op_type == "Gather" and node.input[0] in self.weights and self.weights[node.input[0]].size >= 1 << 16:
                nodes += self.gather(node)
            else:
                nodes.append(node)
        # Transposes of float tables that no MatMul reads any more are dropped.
        used = {v for n in nodes for v in n.input}
        nodes = [n for n in nodes if not (n.op_type == "Transpose" and n.input[0] in self.weights and n.output[0] not in used)]
        del graph.node[:]
        graph.node.extend(nodes)

    def matmul(self, node, kind, name):
        self.count += 1
        p = f"{node.name or 'matmul'}_{self.count}"
        a, out = node.input[0], node.output[0]
        if kind == "transposed":  # B = table^T (the tied projection): the 8-bit rows of the table, transposed
            table, scale = self.uint8_table(name, axis=1)
            b = f"{p}/b_q8"
            steps = [helper.make_node("Transpose", [table], [b], perm=[1, 0])]
        else:  # B [K, N]: one scale per output column
            b, scale = self.uint8_table(name, axis=0)
            steps = []
        return steps + [
            helper.make_node("DynamicQuantizeLinear", [a], [f"{p}/a_q8", f"{p}/a_scale", f"{p}/a_zero"]),
            helper.make_node("MatMulInteger", [f"{p}/a_q8", b, f"{p}/a_zero", "zero_point"], [f"{p}/int32"]),
            helper.make_node("Cast", [f"{p}/int32"], [f"{p}/float"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{p}/a_scale", scale], [f"{p}/scale"]),
            helper.make_node("Mul", [f"{p}/float", f"{p}/scale"], [out]),
        ]

    def gather(self, node):
        self.count += 1
        p = f"{node.name or 'gather'}_{self.count}"
        table, scale = self.uint8_table(node.input[0], axis=1)
        axis = next((a.i for a in node.attribute if a.name == "axis"), 0)
        assert axis == 0, "only row lookups are quantised"
        return [
            helper.make_node("Gather", [table, node.input[1]], [f"{p}/rows_q8"]),
            helper.make_node("Gather", [scale, node.input[1]], [f"{p}/row_scale"]),
            helper.make_node("Cast", [f"{p}/rows_q8"], [f"{p}/rows_offset"], to=TensorProto.FLOAT),
            helper.make_node("Sub", [f"{p}/rows_offset", "zero_point_float"], [f"{p}/rows"]),
            helper.make_node("Constant", [], [f"{p}/last_axis"], value=numpy_helper.from_array(np.array([-1], np.int64))),
            helper.make_node("Unsqueeze", [f"{p}/row_scale", f"{p}/last_axis"], [f"{p}/row_scale_column"]),
            helper.make_node("Mul", [f"{p}/rows", f"{p}/row_scale_column"], [node.output[0]]),
        ]


def quantized(model: onnx.ModelProto) -> onnx.ModelProto:
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    quantizer = Quantizer(copy.graph)
    quantizer.rewrite(copy.graph)
    used = {v for n in all_nodes(copy.graph) for v in n.input}
    kept = [i for i in copy.graph.initializer if i.name in used]
    del copy.graph.initializer[:]
    copy.graph.initializer.extend(kept)
    return copy


def all_nodes(graph):
    for node in graph.node:
        yield node
        for attribute in node.attribute:
            if attribute.type == onnx.AttributeProto.GRAPH:
                yield from all_nodes(attribute.g)


def main(text_dir: str, out_dir: str) -> None:
    with open(os.path.join(text_dir, "config.json"), encoding="utf-8") as handle:
        config = json.load(handle)
    torch.manual_seed(0)
    encoder, decoder = Encoder(config).eval(), Decoder(config).eval()
    d, heads, layers = config["d_model"], config["decoder_attention_heads"], config["decoder_layers"]
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    frames = 2 * config["max_source_positions"]
    features = torch.randn(1, config["num_mel_bins"], frames)
    with torch.no_grad(), tempfile.TemporaryDirectory() as scratch:
        encoder_model = export(encoder, (features,), os.path.join(scratch, "encoder.onnx"), ["input_features"], ["last_hidden_state"],
                               {"input_features": {0: "batch_size"}, "last_hidden_state": {0: "batch_size"}})
        hidden = encoder(features)
        ids = torch.tensor([[config["decoder_start_token_id"], 50362]])
        first_outputs = ["logits", *cache_names("present", layers)]
        first = export(FirstStep(decoder), (ids, hidden), os.path.join(scratch, "first.onnx"), ["input_ids", "encoder_hidden_states"], first_outputs,
                       {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"}, "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
                        "logits": {0: "batch_size", 1: "decoder_sequence_length"},
                        **cache_axes(cache_names("present", layers), "decoder_sequence_length", "encoder_sequence_length")})
        past = FirstStep(decoder)(ids, hidden)[1:]
        cached = export(CachedStep(decoder), (ids[:, :1], *past), os.path.join(scratch, "cached.onnx"),
                        ["input_ids", *cache_names("past_key_values", layers)], first_outputs,
                        {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"}, "logits": {0: "batch_size", 1: "decoder_sequence_length"},
                         **cache_axes(cache_names("past_key_values", layers), "past_decoder_sequence_length", "encoder_sequence_length_out"),
                         **cache_axes(cache_names("present", layers), "present_decoder_sequence_length", "encoder_sequence_length_out")})
    embedding = decoder.embed_tokens.weight.detach().numpy()
    merged = merge_decoders(tied_output_projection(first, embedding), tied_output_projection(cached, embedding), layers, d, heads)
    onnx.checker.check_model(merged)
    models = {"encoder_model": encoder_model, "decoder_model_merged": merged}
    for name, model in models.items():
        onnx.save(model, os.path.join(out_dir, "onnx", f"{name}.onnx"))
        onnx.save(quantized(model), os.path.join(out_dir, "onnx", f"{name}_quantized.onnx"))
    for name in TEXT_FILES:
        shutil.copyfile(os.path.join(text_dir, name), os.path.join(out_dir, name))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make-whisper-random.py TEXT_FILES_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
