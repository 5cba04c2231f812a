// Command server is the caseworkers' web app: it lists dossiers, shows a
// dossier's summary, key, contested and retracted figures, and the
// chronology focused on a place, dates and kinds of event with its
// footnotes, and sends the same briefing as a PDF or a workbook.
//
//	go run ./examples/server                       # the embedded Kazakhstan dossier on :8080
//	go run ./examples/server -dossiers DIR -addr :9000
//
// Every state is in the address: a focused briefing is a link to paste in
// a case note. The server is read-only and keeps nothing between requests
// but caches, so that several instances can run behind a load balancer.
// Dossier files that change on disk are reloaded and checked; an invalid
// one keeps its last valid version served, and is reported in the log and
// on the list page. SIGINT and SIGTERM stop it after the requests in
// flight are answered.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr, nil))
}

// Timeouts of the HTTP server.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 2 * time.Minute // a large workbook takes time to make and to send
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 30 * time.Second
	maxHeaderBytes    = 16 << 10
)

// run starts the server and returns its exit code when a signal stops
// it. ready, when not nil, gets the address listened on.
func run(args []string, stderr io.Writer, ready chan<- string) int {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8080", "`address` to listen on, host:port (\":8080\" for every interface)")
	var cfg config
	fs.StringVar(&cfg.dir, "dossiers", "", "`directory` of dossier files (*.json), reloaded when they change (default: the embedded Kazakhstan dossier)")
	fs.IntVar(&cfg.renders, "renders", 2, "`number` of briefings rendered at once; more wait, and beyond -queue get 503")
	fs.IntVar(&cfg.queue, "queue", 64, "`number` of renders that may wait for a slot")
	cacheMB := fs.Int("cache-mb", 64, "`megabytes` of rendered pages and files kept in memory")
	fs.DurationVar(&cfg.poll, "poll", 2*time.Second, "how often to check the dossier files for changes (`duration`)")
	logJSON := fs.Bool("log-json", false, "log in JSON rather than text")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "server: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	cfg.cacheBytes = int64(*cacheMB) << 20
	if *logJSON {
		cfg.log = slog.New(slog.NewJSONHandler(stderr, nil))
	} else {
		cfg.log = slog.New(slog.NewTextHandler(stderr, nil))
	}
	s, err := newServer(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "server: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "server: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, s, ln, ready); err != nil {
		cfg.log.Error("server stopped", "err", err)
		return 1
	}
	return 0
}

// serve answers on ln until ctx ends, then stops taking connections and
// waits for the requests in flight.
func serve(ctx context.Context, s *server, ln net.Listener, ready chan<- string) error {
	return serveWith(ctx, s, ln, ready, readHeaderTimeout)
}

func serveWith(ctx context.Context, s *server, ln net.Listener, ready chan<- string, headerTimeout time.Duration) error {
	hs := newHTTPServer(s, headerTimeout)
	watchCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.watch(watchCtx)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(guardListener{Listener: ln, oversize: s.oversize}) }()
	s.cfg.log.Info("listening", "addr", "http://"+ln.Addr().String(), "dossiers", len(s.store.catalog().list))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.cfg.log.Info("shutting down: finishing the requests in flight")
	sctx, scancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer scancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	s.cfg.log.Info("stopped")
	return nil
}

// newHTTPServer returns an http.Server with the timeouts and limits that
// keep slow or hostile clients from holding it.
func newHTTPServer(h http.Handler, headerTimeout time.Duration) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: headerTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ConnState:         connState,
		ErrorLog:          slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn),
	}
}
