#!/usr/bin/env bash
# First step of `npm test`: the tests need Debian's Chromium (real-browser tests) and Python's ONNX and
# PyTorch (to generate the test speech models). Installs whichever is missing, saying so, as
# Playwright's `install --with-deps` does; where it cannot (no apt-get, not root and no sudo), stops
# at once and names the one command to run.
set -euo pipefail

missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1; }
else
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium-browser ] || missing+=(chromium)
fi
/usr/bin/python3 -c 'import onnx' >/dev/null 2>&1 || missing+=(python3-onnx)
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || missing+=(python3-torch)
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get install -y --no-install-recommends ${missing[*]}"
as_root=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then as_root="sudo"; else as_root="none"; fi
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$as_root" = "none" ]; then
  echo "The tests need: ${missing[*]}. Install them, then run npm test again:" >&2
  echo "  sudo apt-get update && sudo $command_line" >&2
  exit 1
fi

echo "npm test: installing ${missing[*]} from Debian (needed by the real-browser tests and the test models)…"
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root $command_line -qq >/dev/null
echo "npm test: installed ${missing[*]}."
