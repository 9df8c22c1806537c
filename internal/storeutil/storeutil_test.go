package storeutil

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/certwise/certwise"
)

func TestMigrations(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    []int
		wantErr string
	}{
		{"ordered", map[string]string{"m/0002_b.sql": "B", "m/0001_a.sql": "A", "m/README": "x"}, []int{1, 2}, ""},
		{"gap", map[string]string{"m/0001_a.sql": "A", "m/0003_c.sql": "C"}, nil, "want 2"},
		{"repeat", map[string]string{"m/0001_a.sql": "A", "m/0001_b.sql": "B"}, nil, "want 2"},
		{"bad name", map[string]string{"m/init.sql": "A"}, nil, "NNNN_description"},
		{"zero", map[string]string{"m/0000_a.sql": "A"}, nil, "NNNN_description"},
		{"empty", map[string]string{"m/README": "x"}, nil, "no migrations"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			ms, err := Migrations(fsys, "m")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != len(tt.want) {
				t.Fatalf("got %d migrations, want %d", len(ms), len(tt.want))
			}
			for i, m := range ms {
				if m.Version != tt.want[i] {
					t.Errorf("migration %d version = %d, want %d", i, m.Version, tt.want[i])
				}
			}
			if ms[0].SQL != "A" {
				t.Errorf("first SQL = %q, want %q", ms[0].SQL, "A")
			}
		})
	}
}

func TestTokenMatches(t *testing.T) {
	h := certwise.HashDeleteToken("secret")
	tests := []struct {
		name              string
		stored, presented []byte
		want              bool
	}{
		{"same", h, certwise.HashDeleteToken("secret"), true},
		{"different", h, certwise.HashDeleteToken("Secret"), false},
		{"short", h, h[:31], false},
		{"nil presented", h, nil, false},
		{"empty stored", nil, nil, false},
	}
	for _, tt := range tests {
		if got := TokenMatches(tt.stored, tt.presented); got != tt.want {
			t.Errorf("%s: TokenMatches = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNewRowDecode(t *testing.T) {
	a := &certwise.Assessment{ID: "x", DeleteTokenHash: certwise.HashDeleteToken("t")}
	a.Answers.Role.Title = "Ingénieure 数据 🚀"
	a.Evaluation.Verdict = certwise.VerdictApplyFirst
	before := time.Now()
	row, err := NewRow(a)
	if err != nil {
		t.Fatal(err)
	}
	if row.CreatedAt.Location() != time.UTC || row.CreatedAt.Before(before.Add(-time.Microsecond)) || row.CreatedAt.Nanosecond()%1000 != 0 {
		t.Errorf("CreatedAt %v: want now, UTC, whole microseconds", row.CreatedAt)
	}
	ans, ev := []byte(row.Answers), []byte(row.Evaluation)
	var b certwise.Assessment
	if err := Decode(&b, ans, ev); err != nil {
		t.Fatal(err)
	}
	if b.Answers.Role.Title != a.Answers.Role.Title || b.Evaluation.Verdict != a.Evaluation.Verdict {
		t.Fatalf("round trip lost data: %+v", b)
	}
	if err := Decode(&b, []byte("{"), ev); err == nil {
		t.Fatal("Decode accepted broken JSON")
	}

	a.ID = ""
	if _, err := NewRow(a); certwise.ErrorField(err) != "id" {
		t.Errorf("NewRow without id: %v, want an error naming id", err)
	}
	a.ID = "x"
	a.Answers.Role.ActivityShares = map[string]float64{"4.A.1": math.NaN()}
	if _, err := NewRow(a); certwise.ErrorCode(err) != certwise.EINVALID || certwise.ErrorField(err) != "answers" {
		t.Errorf("NewRow with a NaN share: %v, want EINVALID naming answers", err)
	}
}

func TestCheckID(t *testing.T) {
	long := strings.Repeat("x", 10000)
	for _, id := range []string{"", "a/b", long, "é"} {
		err := CheckID(id)
		if certwise.ErrorCode(err) != certwise.ENOTFOUND {
			t.Errorf("CheckID(%.20q) = %v, want ENOTFOUND", id, err)
		}
		if id != "" && strings.Contains(err.Error(), id) {
			t.Errorf("CheckID(%.20q): message %q echoes the id", id, err)
		}
	}
	if err := CheckID("abc-_XYZ09"); err != nil {
		t.Errorf("CheckID of a valid id = %v", err)
	}
}
