//go:build unix

package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/certwise/certwise"
)

// crashEnv names, in the child process of TestSurvivesKill, the database
// the child writes to until it is killed.
const crashEnv = "CERTWISE_SQLITE_CRASH_CHILD_DB"

// TestSurvivesKill runs a child process that stores assessments as fast as
// it can and reports each one once CreateAssessment returns, kills it with
// SIGKILL mid-write (no Close, no cleanup), and checks that every reported
// assessment is in the database afterwards and that the file is intact.
func TestSurvivesKill(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		writeUntilKilled(path)
		return
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestSurvivesKill$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	const want = 40
	var acked []string
	sc := bufio.NewScanner(out)
	for len(acked) < want && sc.Scan() {
		acked = append(acked, sc.Text())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if len(acked) < want {
		t.Fatalf("the child reported %d writes before it stopped, want %d", len(acked), want)
	}

	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	var integrity string
	if err := s.w.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check = %q, %v", integrity, err)
	}
	for i, id := range acked {
		if !certwise.ValidAssessmentID(id) {
			t.Fatalf("child output line %d is %q, not an id", i+1, id)
		}
		if _, err := s.FindAssessment(context.Background(), id); err != nil {
			t.Errorf("acknowledged write %d lost: %v", i+1, err)
		}
	}
}

// writeUntilKilled is the child: it creates assessments (every other one a
// revisit) and prints each id after the store acknowledged it.
func writeUntilKilled(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	prev := ""
	for i := 0; ; i++ {
		id, err := certwise.NewAssessmentID()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		_, hash, err := certwise.NewDeleteToken()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		a := &certwise.Assessment{ID: id, DeleteTokenHash: hash}
		if i%2 == 1 {
			a.PreviousID = prev
		}
		a.Answers.CapabilityGap = fmt.Sprintf("write %d", i)
		if err := s.CreateAssessment(ctx, a); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(id) // os.Stdout is unbuffered: the line leaves now
		prev = id
	}
}
