package slowtest

import "testing"

func TestEnabled(t *testing.T) {
	for _, tc := range []struct {
		val  string
		want bool
	}{
		{"", false},
		{"0", false},
		{"true", false},
		{"1", true},
	} {
		t.Setenv(Env, tc.val)
		if got := Enabled(); got != tc.want {
			t.Errorf("%s=%q: Enabled() = %v, want %v", Env, tc.val, got, tc.want)
		}
	}
}

func TestRequireSkips(t *testing.T) {
	t.Setenv(Env, "")
	var skipped bool
	t.Run("inner", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Require(t)
	})
	if !skipped {
		t.Error("Require did not skip with the switch off")
	}
}

func TestRequireRuns(t *testing.T) {
	t.Setenv(Env, "1")
	var skipped bool
	t.Run("inner", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Require(t)
	})
	if skipped {
		t.Error("Require skipped with the switch on")
	}
}
