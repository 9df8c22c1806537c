package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeBehindProxy runs certwise serve as one of several instances
// behind a TLS-ending proxy (issue 17, defect 8): share links come from
// --public-url whatever Host says, HTTPS through the trusted proxy gets
// HSTS and Secure cookies, /metrics moves to --metrics-addr, and the secret
// from --secret-file signs the form tokens.
func TestServeBehindProxy(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	t.Setenv("DATABASE_URL", "")
	t.Setenv(envSecret, "")
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	if err := os.WriteFile(secret, []byte(strings.Repeat("k", 40)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	maddr := freeAddr(t)
	addr := startServe(t, "--db", filepath.Join(dir, "c.db"),
		"--public-url", "https://certwise.example", "--trusted-proxies", "127.0.0.0/8",
		"--metrics-addr", maddr, "--secret-file", secret)
	req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/assessments", strings.NewReader(serveAnswers["engineer"]))
	req.Header.Set("Content-Type", "application/json")
	req.Host = "evil.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var created struct{ ID, URL string }
	json.NewDecoder(resp.Body).Decode(&created)
	resp.Body.Close()
	if resp.StatusCode != 201 || created.URL != "https://certwise.example/a/"+created.ID {
		t.Errorf("save: %d, url %q", resp.StatusCode, created.URL)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("save: Cache-Control %q", cc)
	}

	req, _ = http.NewRequest("GET", "http://"+addr+"/assess", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Strict-Transport-Security") == "" || len(resp.Cookies()) == 0 || !resp.Cookies()[0].Secure {
		t.Errorf("HTTPS through the trusted proxy: HSTS %q, cookies %v", resp.Header.Get("Strict-Transport-Security"), resp.Cookies())
	}

	for _, c := range []struct {
		url  string
		want int
	}{{"http://" + addr + "/metrics", 404}, {"http://" + maddr + "/metrics", 200}} {
		resp, err := http.Get(c.url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("GET %s: %d, want %d", c.url, resp.StatusCode, c.want)
		}
	}
}

func TestServeFlagErrors(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	t.Setenv(envSecret, "")
	db := filepath.Join(t.TempDir(), "c.db")
	for _, tc := range []struct {
		name string
		args []string
		env  string
	}{
		{"metrics address", []string{"--metrics-addr", "nonsense"}, ""},
		{"trusted proxies", []string{"--trusted-proxies", "not-an-ip"}, ""},
		{"store timeout", []string{"--store-timeout", "20s"}, ""},
		{"public url", []string{"--public-url", "ftp://x"}, ""},
		{"short secret", nil, "short"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(envSecret, tc.env)
			args := append([]string{"serve", "--addr", freeAddr(t), "--db", db}, tc.args...)
			if code, _, stderr := runCLI(t, args...); code != 2 {
				t.Errorf("exit %d, want 2: %s", code, stderr)
			}
		})
	}
}
