#!/bin/sh
# Measures the answers decoder before and after the move to maintained
# libraries (go-json-experiment/json, yaml.v3 KnownFields), in one run,
# beside a whole evaluate request. The old decoder is restored from git at
# commit bdd6e09 into answers/internal/olddecoder, with the benchmark
# below, for the run and both are removed afterwards. Usage: scripts/bench-decoder.sh [count]
set -eu
cd "$(dirname "$0")/.."
old=bdd6e09
dir=answers/internal/olddecoder
trap 'rm -rf answers/internal answers/compare_bench_test.go' EXIT
mkdir -p "$dir"
cat >answers/compare_bench_test.go <<'GO'
package answers_test

import (
	"bytes"
	"testing"

	"github.com/certwise/certwise/answers"
	"github.com/certwise/certwise/answers/internal/olddecoder"
)

// BenchmarkDecodeCompare decodes the same answers with the hand-written
// decoder this package had until commit bdd6e09 (old) and with the
// libraries it uses now (new). scripts/bench-decoder.sh restores the old
// code from git and runs it beside the evaluate request benchmark.
func BenchmarkDecodeCompare(b *testing.B) {
	body := []byte(`{"role":{"title":"Backend developer","occupation":"15-1252.00"},"position":{"owns_measurable_outcomes":true,"ai_enhanced_role":true,"expanding_into_system_design":true,"has_tested_ai_in_role":true},"organization":{"leadership_values_ai_literacy":true,"ai_adoption_phase":"productivity_normalization"},"industry":{"shifting_to_ai":true},"motives":["capability_gap","role_transition"],"capability_gap":"designing and evaluating machine learning systems in production","target_role":{"title":"Machine learning architect","occupation":"15-1299.08"},"expected_authority_gain":"clear","positioning":"offensive"}`)
	yamlBody := []byte("role: {title: Backend developer, occupation: 15-1252.00}\nposition: {owns_measurable_outcomes: true, ai_enhanced_role: true, expanding_into_system_design: true, has_tested_ai_in_role: true}\nmotives: [capability_gap, role_transition]\ncapability_gap: designing and evaluating machine learning systems in production\ntarget_role: {title: Machine learning architect, occupation: 15-1299.08}\npositioning: offensive\n")
	for _, c := range []struct {
		name   string
		format string
		in     []byte
		decode func([]byte, string) error
	}{
		{"json/old", "json", body, func(b []byte, f string) error { _, err := olddecoder.Decode(bytes.NewReader(b), f); return err }},
		{"json/new", "json", body, func(b []byte, f string) error { _, err := answers.Decode(bytes.NewReader(b), f); return err }},
		{"yaml/old", "yaml", yamlBody, func(b []byte, f string) error { _, err := olddecoder.Decode(bytes.NewReader(b), f); return err }},
		{"yaml/new", "yaml", yamlBody, func(b []byte, f string) error { _, err := answers.Decode(bytes.NewReader(b), f); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.decode(c.in, c.format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
GO
for f in decode.go fastjson.go tree.go validate.go; do
	git show "$old:answers/$f" | sed 's/^package answers$/package olddecoder/' >"$dir/$f"
done
go test ./answers ./cmd/certwise -run '^$' \
	-bench 'DecodeCompare|ServeEvaluate/engineer$' -cpu 1 -count "${1:-6}"
