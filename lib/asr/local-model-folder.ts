/** Files a Whisper or Moonshine folder in the transformers.js layout must have, relative to the folder. */
const REQUIRED = ['config.json', 'tokenizer.json', 'preprocessor_config.json'];
const WEIGHTS = ['encoder_model', 'decoder_model_merged'];

export type FolderCheck = { ok: true; name: string; dtype: 'fp32' | 'q8' } | { ok: false; message: string };

/**
 * Checks a folder the user picked (paths as the browser gives them, "folder/onnx/x.onnx")
 * and says which precision its weights are in, or what is missing.
 */
export function checkModelFolder(paths: readonly string[]): FolderCheck {
  const name = paths[0]?.split('/')[0];
  if (!name) return { ok: false, message: 'The folder is empty.' };
  const inside = new Set(paths.map((path) => path.slice(name.length + 1)));
  const missing = REQUIRED.filter((file) => !inside.has(file));
  const has = (suffix: string) => WEIGHTS.every((weight) => inside.has(`onnx/${weight}${suffix}.onnx`));
  const dtype = has('_quantized') ? 'q8' : has('') ? 'fp32' : null;
  if (!dtype) missing.push('onnx/encoder_model(_quantized).onnx and onnx/decoder_model_merged(_quantized).onnx');
  if (missing.length || !dtype) {
    return {
      ok: false,
      message: `"${name}" is not a Whisper or Moonshine model folder in the transformers.js layout: missing ${missing.join(', ')}.`,
    };
  }
  return { ok: true, name, dtype };
}

/** The path inside a model folder that a transformers.js request asks for, or null if it is not for that model. */
export function fileInModel(url: string, model: string): string | null {
  const marker = `/${model}/`;
  const at = url.indexOf(marker);
  if (at < 0) return null;
  return url.slice(at + marker.length).replace(/^resolve\/[^/]+\//, '');
}
