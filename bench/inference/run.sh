#!/usr/bin/env bash
# Scenario 7 for bench/run: makes the SigLIP2-base-sized model into .tools/siglip2-sized/ when it is not there yet
# (python3 with onnx, numpy and sentencepiece, installed by scripts/install-deps --tests when missing), builds the
# tool and runs it; the report goes to $BENCH_OUT like the other scenarios'. Extra arguments go to the tool.
#   bench/inference/run.sh [--seconds 20] [--clients 1,4] …
set -euo pipefail
cd "$(dirname "$0")/../.."
model=.tools/siglip2-sized
if [ ! -f "$model/vision_model.onnx" ] || [ ! -f "$model/text_model.onnx" ] || [ ! -f "$model/tokenizer.model" ]; then
  /usr/bin/python3 -c "import onnx, numpy, sentencepiece" 2>/dev/null || scripts/install-deps --tests
  bench/inference/make-siglip2-sized-model "$model"
fi
dotnet build bench/inference -c Release -v q -nologo >/dev/null
out=(); [ -n "${BENCH_OUT:-}" ] && out=(--out "$BENCH_OUT")
exec dotnet bench/inference/bin/Release/net10.0/Konifer.Bench.Inference.dll --model-dir "$model" "${out[@]}" "$@"
