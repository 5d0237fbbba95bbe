// Command ferretdb-launcher runs an embedded FerretDB (SQLite backend) for the Node server and
// the tests. It listens on the given address (port 0 picks a free one), prints the URI it bound
// on stdout as one line "ready <uri>", and exits when its stdin closes so that no orphan keeps
// the data files open after its parent dies.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dir := flag.String("dir", ".data/db", "directory for the SQLite database files")
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on")
	flag.Parse()

	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail("bad data directory: %v", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fail("cannot create data directory %s: %v", abs, err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		// WAL is FerretDB's default; synchronous(full) makes every acknowledged write
		// durable across a power loss, not only across a process crash.
		SQLiteURL: "file:" + abs + "/?_pragma=synchronous(full)",
	})
	if err != nil {
		fail("cannot configure FerretDB: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The parent holds our stdin open; EOF means it is gone.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	uri := f.MongoDBURI()
	fmt.Printf("ready %s\n", uri)

	if err := <-done; err != nil && ctx.Err() == nil {
		fail("FerretDB stopped: %v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ferretdb-launcher: "+format+"\n", args...)
	os.Exit(1)
}
