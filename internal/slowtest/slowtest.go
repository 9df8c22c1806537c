// Package slowtest is the switch for the long tests: the accuracy and
// comparison runs over the whole public data set (title hold-outs, sweeps of
// every occupation, the browser and crash tests) that `go test ./...` skips
// so that it stays quick on a two-core machine. .ci/run turns them on.
package slowtest

import (
	"os"
	"testing"
)

// Env is the environment variable that turns the long tests on: set it to 1.
const Env = "CERTWISE_SLOW"

// Enabled reports whether the long tests run: CERTWISE_SLOW=1.
func Enabled() bool { return os.Getenv(Env) == "1" }

// Require skips the calling test unless CERTWISE_SLOW=1, with a message
// naming the switch. Call it first in a long test or benchmark.
func Require(tb testing.TB) {
	tb.Helper()
	if !Enabled() {
		tb.Skipf("long test: set %s=1 to run it (.ci/run does)", Env)
	}
}
