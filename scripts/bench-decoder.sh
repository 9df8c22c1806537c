#!/bin/sh
# Measures the answers decoder before and after the move to maintained
# libraries (go-json-experiment/json, yaml.v3 KnownFields), in one run,
# beside a whole evaluate request. The old decoder is restored from git at
# commit bdd6e09 into answers/internal/olddecoder for the run and removed
# afterwards. Usage: scripts/bench-decoder.sh [count]
set -eu
cd "$(dirname "$0")/.."
old=bdd6e09
dir=answers/internal/olddecoder
trap 'rm -rf answers/internal' EXIT
mkdir -p "$dir"
for f in decode.go fastjson.go tree.go validate.go; do
	git show "$old:answers/$f" | sed 's/^package answers$/package olddecoder/' >"$dir/$f"
done
go test ./answers ./cmd/certwise -tags olddecoder -run '^$' \
	-bench 'DecodeCompare|ServeEvaluate/engineer$' -cpu 1 -count "${1:-6}"
