package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/timeline-news/timeline/internal/serve"
)

func init() {
	commands["serve"] = command{"build, serve on localhost and rebuild on every change", runServe}
}

// serveContext makes the context whose end stops the server: Ctrl-C or
// SIGTERM. Tests replace it to stop the server themselves.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("s", ".", "site folder")
	port := fs.Int("port", 1313, "port to listen on (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "address to listen on; 0.0.0.0 shows the site to your whole network")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeline serve [-s SITE] [--port 1313] [--bind 127.0.0.1]")
		fmt.Fprintln(stderr, "\nBuilds the site in memory (public/ is left alone), serves it, rendering each page")
		fmt.Fprintln(stderr, "as it is asked for, rebuilds when content/, config.toml or themes/ change and")
		fmt.Fprintln(stderr, "reloads open pages.")
		fmt.Fprintln(stderr, "Stop it with Ctrl-C.")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, false); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "timeline serve: --port %d is not a port number\n", *port)
		return exitError
	}
	ctx, stop := serveContext()
	defer stop()

	s, err := serve.New(serve.Options{Site: *site, Log: stderr})
	if err != nil {
		fmt.Fprintln(stderr, "timeline serve:", err)
		return exitError
	}
	defer s.Close()
	l, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "timeline serve: %v (is another server running? try --port 0)\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", *site, l.Addr())
	if err := s.Serve(ctx, l); err != nil {
		fmt.Fprintln(stderr, "timeline serve:", err)
		return exitError
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}
