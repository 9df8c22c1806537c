#!/bin/bash
# The reranker experiments of BENCHMARKS.md (24 Nov 2026, third day); run from the repository
# root of a worktree of be0bbef with reranker.patch applied.
set -u
t() { echo "$ $*"; env "$@" 2>&1 | grep -E '^(mask|grid|  )'; }
echo "== a linear listwise reranker of the top 30 SOC codes, trained on seeds 11-16, tested on seeds 6-10"
t MASKS="score;;near,ev,like,dense,exact;near,ev,llnorm,dense;near,ev,loglike,dense,exact,logsize" go test -tags tune -run 'TestTuneLTR$' -v -timeout 60m ./titles
echo "== the same, tested on the reporting seeds 1-5"
t TEST=1,2,3,4,5 MASKS="score;;near,ev,llnorm,dense;near,ev,loglike,dense,exact,logsize" go test -tags tune -run 'TestTuneLTR$' -v -timeout 60m ./titles
echo "== the blend with the likelihood posterior as its floored logarithm (lf: the floor; 0 = as committed), seeds 6-10"
t GRID="lf=0;lf=1e-3;lf=1e-4;lf=1e-5" go test -tags tune -run 'TestTuneBlend$' -v -timeout 60m ./titles
echo "== the same, seeds 1-5"
t SEEDS=1,2,3,4,5 GRID="lf=0;lf=1e-4" go test -tags tune -run 'TestTuneBlend$' -v -timeout 60m ./titles
