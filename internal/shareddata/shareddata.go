// Package shareddata locates the public data sets (../shared/data beside the
// repository) for tests that read them directly.
package shareddata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Path returns the path of the shared data directory: CERTWISE_TEST_DATA when
// set, else ../shared/data relative to the module root. It does not check
// that the directory exists.
func Path() string {
	if d := os.Getenv("CERTWISE_TEST_DATA"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	return filepath.Join(root, "..", "shared", "data")
}

// Dir returns the shared data directory for a test. Where it is absent (a
// clone without ../shared beside it) the test is skipped with a message
// saying so, except under CI (CI=true), where its absence is a failure.
func Dir(t testing.TB) string {
	t.Helper()
	d := Path()
	if _, err := os.Stat(filepath.Join(d, "onet-27.0", "Occupation Data.txt")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("public data not found at %s (CI needs ../shared/data beside the repository): %v", d, err)
		}
		t.Skipf("skipping: public data not found at %s; clone the repository with ../shared beside it or set CERTWISE_TEST_DATA", d)
	}
	return d
}
