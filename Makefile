# Everyday commands; CONTRIBUTING.md explains each. Needs only the Go toolchain
# (and ../shared/data beside the repository for the data tests).

GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT := go run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)

# make bench BENCH=BenchmarkMatch PKG=./titles COUNT=5
BENCH ?= .
PKG ?= ./...
COUNT ?= 1

.PHONY: test race slow lint bench ci

## test: the quick suite (the long tests skip; see slow)
test:
	go test ./...

## race: the quick suite under the race detector
race:
	go test -race ./...

## slow: every test, the long accuracy and browser tests too, and the bleve comparison
slow:
	CERTWISE_SLOW=1 go test ./...
	cd tools/blevecompare && go test ./...

## lint: gofmt, go vet and golangci-lint (.golangci.yml) on both modules
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	go vet ./...
	cd tools/blevecompare && go vet ./...
	$(GOLANGCI_LINT) run ./...
	cd tools/blevecompare && $(GOLANGCI_LINT) run ./...

## bench: run benchmarks (BENCH regexp, PKG, COUNT); BENCHMARKS.md has the commands behind its figures
bench:
	go test -run '^$$' -bench '$(BENCH)' -count $(COUNT) $(PKG)

## ci: what CI runs (.ci/run): setup, lint, the race suite and every slow test
ci:
	bash .ci/run
