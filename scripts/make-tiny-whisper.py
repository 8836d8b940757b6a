#!/usr/bin/python3
"""Writes a tiny Whisper-architecture model in the transformers.js folder layout.

The real Whisper weights cannot be fetched on the build machines, so the tests run the
real transformers.js loading and generation code on this stand-in: an encoder that
turns log-mel features into hidden states and a decoder whose logits follow a fixed
token-to-token table. Whatever the audio, it "transcribes" the phrase below. It is
for structure and timing tests only; word error rate needs real weights.

With --by-length SECONDS SHORT LONG it "hears" one of two questions instead, by how long
the utterance's speech lasts (frames above the silence floor): SHORT below SECONDS, LONG
from there. Played questions of two lengths in turn then give a new card per question,
which a latency benchmark needs; what is said still does not matter.

Usage: /usr/bin/python3 scripts/make-tiny-whisper.py OUT_DIR [--by-length SECONDS SHORT LONG]
(Debian: python3-onnx)
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

PHRASE_TOKENS = ["How", "\u0120would", "\u0120you", "\u0120handle", "\u0120class", "\u0120imbalance", "?"]
SPECIAL_TOKENS = [
    "<|endoftext|>", "<|startoftranscript|>", "<|en|>", "<|transcribe|>", "<|translate|>",
    "<|startoflm|>", "<|startofprev|>", "<|nocaptions|>", "<|notimestamps|>", "<|0.00|>",
]
VOCAB = PHRASE_TOKENS + SPECIAL_TOKENS
ID = {token: index for index, token in enumerate(VOCAB)}
EOS, SOT, NO_TIMESTAMPS = ID["<|endoftext|>"], ID["<|startoftranscript|>"], ID["<|notimestamps|>"]
D_MODEL = 8
MEL_BINS = 80
OPSET = [helper.make_opsetid("", 14)]


def encoder() -> onnx.ModelProto:
    rng = np.random.default_rng(0)
    weight = numpy_helper.from_array(rng.standard_normal((MEL_BINS, D_MODEL)).astype(np.float32) * 0.1, "proj")
    pairs = numpy_helper.from_array(np.array([0, MEL_BINS, 1500, 2], dtype=np.int64), "pairs")
    nodes = [
        helper.make_node("Reshape", ["input_features", "pairs"], ["paired"]),  # [b, 80, 1500, 2]
        helper.make_node("ReduceMean", ["paired"], ["pooled"], axes=[3], keepdims=0),  # stride-2 pooling
        helper.make_node("Transpose", ["pooled"], ["frames"], perm=[0, 2, 1]),  # [b, 1500, 80]
        helper.make_node("MatMul", ["frames", "proj"], ["projected"]),
        helper.make_node("Tanh", ["projected"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_whisper_encoder",
        [helper.make_tensor_value_info("input_features", TensorProto.FLOAT, ["batch_size", MEL_BINS, 3000])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", 1500, D_MODEL])],
        [weight, pairs],
    )
    return helper.make_model(graph, opset_imports=OPSET)


def decoder() -> onnx.ModelProto:
    following = {NO_TIMESTAMPS: ID[PHRASE_TOKENS[0]]}
    for current, nxt in zip(PHRASE_TOKENS, PHRASE_TOKENS[1:]):
        following[ID[current]] = ID[nxt]
    table = np.full((len(VOCAB), len(VOCAB)), -10.0, dtype=np.float32)
    for token in range(len(VOCAB)):
        table[token, following.get(token, EOS)] = 10.0
    nodes = [
        helper.make_node("Gather", ["next_token_table", "input_ids"], ["table_logits"], axis=0),  # [b, s, vocab]
        # Read the encoder output so the graph depends on the audio path, at zero weight.
        helper.make_node("ReduceMean", ["encoder_hidden_states"], ["audio_mean"], axes=[1, 2], keepdims=1),
        helper.make_node("Mul", ["audio_mean", "zero"], ["audio_term"]),
        helper.make_node("Add", ["table_logits", "audio_term"], ["logits"]),
    ]
    graph = helper.make_graph(
        nodes, "tiny_whisper_decoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
            helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", 1500, D_MODEL]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", len(VOCAB)])],
        [numpy_helper.from_array(table, "next_token_table"), numpy_helper.from_array(np.zeros((1, 1, 1), np.float32), "zero")],
    )
    return helper.make_model(graph, opset_imports=OPSET)


def by_length_models(threshold_s: float) -> tuple:
    """Encoder: seconds of speech (log-mel frames above the padding's floor), spread over its
    output so the decoder's sum reads it back. Decoder: after <|notimestamps|> the short or
    the long phrase (each one token), then end of text."""
    active_margin = numpy_helper.from_array(np.array(0.1, np.float32), "margin")
    steep = numpy_helper.from_array(np.array(100.0, np.float32), "steep")
    per_frame = numpy_helper.from_array(np.array(0.01 / (1500 * D_MODEL), np.float32), "per_frame")
    shape = numpy_helper.from_array(np.array([1, 1500, D_MODEL], np.int64), "shape")
    sum_axes = numpy_helper.from_array(np.array([1], np.int64), "sum_axes")
    enc_nodes = [
        helper.make_node("ReduceMean", ["input_features"], ["frame_mean"], axes=[1], keepdims=0),  # [b, 3000]
        helper.make_node("ReduceMin", ["frame_mean"], ["floor"], axes=[1], keepdims=1),  # the padding's level
        helper.make_node("Sub", ["frame_mean", "floor"], ["above"]),
        helper.make_node("Sub", ["above", "margin"], ["above_margin"]),
        helper.make_node("Mul", ["above_margin", "steep"], ["sharp"]),
        helper.make_node("Sigmoid", ["sharp"], ["active"]),  # ~1 for a frame of sound, ~0 for silence
        helper.make_node("ReduceSum", ["active", "sum_axes"], ["frames"], keepdims=1),  # [b, 1]
        helper.make_node("Mul", ["frames", "per_frame"], ["share"]),
        helper.make_node("Unsqueeze", ["share", "sum_axes"], ["share3"]),  # [b, 1, 1]
        helper.make_node("Expand", ["share3", "shape"], ["last_hidden_state"]),
    ]
    enc = helper.make_model(helper.make_graph(
        enc_nodes, "tiny_whisper_length_encoder",
        [helper.make_tensor_value_info("input_features", TensorProto.FLOAT, ["batch_size", MEL_BINS, 3000])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", 1500, D_MODEL])],
        [active_margin, steep, per_frame, shape, sum_axes],
    ), opset_imports=OPSET)

    vocab = len(VOCAB)
    table = np.full((vocab, vocab), -10.0, dtype=np.float32)
    for token in range(vocab):
        if token != NO_TIMESTAMPS:
            table[token, EOS] = 10.0
    short_hot = np.zeros((1, 1, vocab), np.float32)
    short_hot[0, 0, ID[PHRASE_TOKENS[0]]] = 20.0
    long_hot = np.zeros((1, 1, vocab), np.float32)
    long_hot[0, 0, ID[PHRASE_TOKENS[1]]] = 20.0
    axes12 = numpy_helper.from_array(np.array([1, 2], np.int64), "axes12")
    last_axis = numpy_helper.from_array(np.array([2], np.int64), "last_axis")
    dec_nodes = [
        helper.make_node("Gather", ["next_token_table", "input_ids"], ["table_logits"], axis=0),  # [b, s, vocab]
        helper.make_node("ReduceSum", ["encoder_hidden_states", "axes12"], ["seconds"], keepdims=1),  # [b, 1, 1]
        helper.make_node("Sub", ["seconds", "threshold"], ["over"]),
        helper.make_node("Mul", ["over", "steep"], ["over_sharp"]),
        helper.make_node("Sigmoid", ["over_sharp"], ["is_long"]),
        helper.make_node("Sub", ["one", "is_long"], ["is_short"]),
        helper.make_node("Mul", ["is_long", "long_hot"], ["long_part"]),
        helper.make_node("Mul", ["is_short", "short_hot"], ["short_part"]),
        helper.make_node("Add", ["long_part", "short_part"], ["choice"]),  # [b, 1, vocab]
        helper.make_node("Equal", ["input_ids", "no_timestamps"], ["first_step_bool"]),
        helper.make_node("Cast", ["first_step_bool"], ["first_step"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["first_step", "last_axis"], ["first_step3"]),  # [b, s, 1]
        helper.make_node("Mul", ["first_step3", "choice"], ["audio_term"]),
        helper.make_node("Add", ["table_logits", "audio_term"], ["logits"]),
    ]
    dec = helper.make_model(helper.make_graph(
        dec_nodes, "tiny_whisper_length_decoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
            helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", 1500, D_MODEL]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", vocab])],
        [
            numpy_helper.from_array(table, "next_token_table"), axes12, last_axis,
            numpy_helper.from_array(np.array(threshold_s, np.float32), "threshold"),
            numpy_helper.from_array(np.array(20.0, np.float32), "steep"),
            numpy_helper.from_array(np.array(1.0, np.float32), "one"),
            numpy_helper.from_array(short_hot, "short_hot"), numpy_helper.from_array(long_hot, "long_hot"),
            numpy_helper.from_array(np.array(NO_TIMESTAMPS, np.int64), "no_timestamps"),
        ],
    ), opset_imports=OPSET)
    return enc, dec


def use_phrases(short: str, long: str) -> None:
    """Makes each phrase one token (spaces written as byte-level BPE writes them)."""
    global PHRASE_TOKENS, VOCAB, ID, EOS, SOT, NO_TIMESTAMPS
    PHRASE_TOKENS = [short.replace(" ", "\u0120"), long.replace(" ", "\u0120")]
    VOCAB = PHRASE_TOKENS + SPECIAL_TOKENS
    ID = {token: index for index, token in enumerate(VOCAB)}
    EOS, SOT, NO_TIMESTAMPS = ID["<|endoftext|>"], ID["<|startoftranscript|>"], ID["<|notimestamps|>"]


def tokenizer() -> dict:
    added = [
        {"id": ID[token], "content": token, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for token in SPECIAL_TOKENS
    ]
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": None, "pre_tokenizer": byte_level, "post_processor": None, "decoder": byte_level,
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False,
                  "vocab": ID, "merges": []},
    }


def main(out_dir: str, by_length: tuple | None = None) -> None:
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    if by_length:
        threshold_s, short, long = by_length
        use_phrases(short, long)
        enc, dec = by_length_models(float(threshold_s))
    else:
        enc, dec = encoder(), decoder()
    onnx.save(enc, os.path.join(out_dir, "onnx", "encoder_model.onnx"))
    onnx.save(dec, os.path.join(out_dir, "onnx", "decoder_model_merged.onnx"))
    special = {"decoder_start_token_id": SOT, "eos_token_id": EOS, "pad_token_id": EOS, "bos_token_id": EOS}
    files = {
        "config.json": {
            "model_type": "whisper", "architectures": ["WhisperForConditionalGeneration"], "vocab_size": len(VOCAB),
            "d_model": D_MODEL, "encoder_layers": 1, "decoder_layers": 1, "encoder_attention_heads": 1,
            "decoder_attention_heads": 1, "num_mel_bins": MEL_BINS, "max_source_positions": 1500,
            "max_target_positions": 448, "is_encoder_decoder": True, "suppress_tokens": [],
            "begin_suppress_tokens": [], **special,
        },
        "generation_config.json": {
            **special, "no_timestamps_token_id": NO_TIMESTAMPS, "is_multilingual": False, "max_length": 448,
            "suppress_tokens": [], "begin_suppress_tokens": [], "alignment_heads": [[0, 0]],
        },
        "preprocessor_config.json": {
            "feature_extractor_type": "WhisperFeatureExtractor", "processor_class": "WhisperProcessor",
            "feature_size": MEL_BINS, "hop_length": 160, "n_fft": 400, "n_samples": 480000, "nb_max_frames": 3000,
            "chunk_length": 30, "sampling_rate": 16000, "padding_side": "right", "padding_value": 0.0,
            "return_attention_mask": False,
        },
        "tokenizer_config.json": {
            "tokenizer_class": "WhisperTokenizer", "bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>",
            "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>", "model_max_length": 448,
            "add_prefix_space": False, "clean_up_tokenization_spaces": True,
        },
        "tokenizer.json": tokenizer(),
    }
    for name, content in files.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as handle:
            json.dump(content, handle, indent=1)


if __name__ == "__main__":
    if len(sys.argv) == 2:
        main(sys.argv[1])
    elif len(sys.argv) == 6 and sys.argv[2] == "--by-length":
        main(sys.argv[1], tuple(sys.argv[3:6]))
    else:
        sys.exit("usage: make-tiny-whisper.py OUT_DIR [--by-length SECONDS SHORT LONG]")
