package dataset

import (
	"context"
	"errors"
	"testing"

	"github.com/certwise/certwise/internal/shareddata"
)

func TestReadBLSDirectMatch(t *testing.T) {
	const head = "\ufeff2018 SOC Code,2018 SOC Title,2018 SOC Direct Match Title,Illustrative Example\n"
	for _, tc := range []struct {
		name, csv string
		want      []BLSTitle
		field     string // the field an error names, or ""
	}{
		{"rows", head + "11-1011,Chief Executives,CEO,\n15-1252,Software Developers,\"Developer, Software\",x\n",
			[]BLSTitle{{SOC: "11-1011", Title: "CEO"}, {SOC: "15-1252", Title: "Developer, Software"}}, ""},
		{"bad code", head + "11-101,Chief Executives,CEO,\n", nil, "2018 SOC Code"},
		{"empty title", head + "11-1011,Chief Executives,,\n", nil, "2018 SOC Direct Match Title"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeData(t, map[string]string{FileBLSDirectMatch: tc.csv})
			got, err := ReadBLSDirectMatch(context.Background(), dir)
			if tc.field != "" {
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Field != tc.field || pe.Line != 2 {
					t.Fatalf("err = %v, want a parse error at line 2 naming %q", err, tc.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) || got[0] != tc.want[0] || got[1] != tc.want[1] {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestReadBLSDirectMatchShared reads the real file: 6,520 titles.
func TestReadBLSDirectMatchShared(t *testing.T) {
	got, err := ReadBLSDirectMatch(context.Background(), shareddata.Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6520 {
		t.Errorf("read %d titles, want 6520", len(got))
	}
}
