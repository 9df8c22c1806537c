// Package blevecompare measures the job-title matcher of package titles
// beside a bleve full-text index of the same titles: accuracy on the same
// hold-out, per-query latency, build time and memory (BENCHMARKS.md,
// Titles). It is a module of its own so that bleve and its ~30 modules stay
// out of the product's go.mod; the certwise binary never linked it.
//
// Run it from this directory, with ../shared/data beside the repository:
//
//	go test -v .                    # accuracy of both on the same hold-out
//	go test -run '^$' -bench . .    # latency and build, both matchers
package blevecompare
