// Command certwise answers one question for a working professional: should I
// get this AI certification? See the README for its commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise"
)

// app carries what every command shares: the streams, the logger and the
// global flags. Commands get their dependencies through its methods, so that
// flags and configuration are read in this package only.
type app struct {
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	logger  *slog.Logger
	dataDir string // --data or CERTWISE_DATA; "" means the embedded snapshot

	dataMu sync.Mutex  // guards data
	data   *dataLoader // loads the exposure model and title index of dataDir; see loader()
}

// newApp returns the app of one run of the program on the given streams,
// logging at info level to stderr.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{
		stdin:  stdin,
		stdout: stdout,
		stderr: stderr,
		logger: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
	}
}

// exitError carries an exit status through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks an error in what the user asked for: exit status 2.
func usageError(err error) error { return &exitError{code: 2, err: err} }

func newRootCommand(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "certwise",
		Short: "Should I get this AI certification? An explainable answer grounded in public data",
		Long: `certwise evaluates whether an AI certification would strengthen your position,
using public research data on how exposed your occupation's work is to generative AI.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	root.PersistentFlags().StringVar(&a.dataDir, "data", os.Getenv("CERTWISE_DATA"),
		"read the public data files in `DIR` (layout of ../shared/data) instead of the embedded snapshot; also CERTWISE_DATA")
	roles := newRolesCommand(a)
	roles.AddCommand(newRolesSearchCommand(a), newRolesMatchCommand(a))
	root.AddCommand(
		newAssessCommand(a),
		newCertsCommand(a),
		newDataCommand(a),
		newEvalCommand(a),
		roles,
		newServeCommand(a),
	)
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// run executes the program and returns its exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newApp(stdin, stdout, stderr).run(ctx, args)
}

// run executes the command line args and returns the exit status.
func (a *app) run(ctx context.Context, args []string) int {
	root := newRootCommand(a)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintln(a.stderr, "certwise:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if strings.HasPrefix(err.Error(), "unknown command ") {
		return 2 // cobra's own error for a mistyped command
	}
	switch certwise.ErrorCode(err) {
	case certwise.EINVALID, certwise.ENOTFOUND:
		return 2
	}
	return 1
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// wrapArgs makes every command's argument-count errors usage errors (exit 2).
func wrapArgs(c *cobra.Command) {
	if c.Args != nil {
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError(err)
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}
