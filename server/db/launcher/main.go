// Command engine-launcher starts one process of the embedded database (PostgreSQL or FerretDB)
// for the Node server, tied to the server's life: it asks the kernel to send the given signal
// when its parent dies, then replaces itself with the program. So a server killed with -9
// leaves no orphan holding the data directory or the port, without the program's cooperation.
//
//	engine-launcher -signal INT -parent 1234 -- /path/to/postgres -D data
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

var signals = map[string]syscall.Signal{"INT": syscall.SIGINT, "TERM": syscall.SIGTERM, "QUIT": syscall.SIGQUIT}

func main() {
	name := flag.String("signal", "TERM", "signal the program receives when the parent dies: INT, TERM or QUIT")
	parent := flag.Int("parent", 0, "pid of the parent; the launcher exits at once if it is already gone")
	flag.Parse()
	args := flag.Args()
	sig, ok := signals[*name]
	if len(args) == 0 || !ok {
		fail("usage: engine-launcher -signal INT|TERM|QUIT -parent PID -- program [args...]")
	}
	program, err := exec.LookPath(args[0])
	if err != nil {
		fail("cannot find %s: %v", args[0], err)
	}

	// The death signal belongs to the thread that sets it; exec keeps that same thread.
	runtime.LockOSThread()
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(sig), 0); errno != 0 {
		fail("prctl(PR_SET_PDEATHSIG): %v", errno)
	}
	// The parent may have died before the signal was armed.
	if *parent != 0 && os.Getppid() != *parent {
		os.Exit(1)
	}
	if err := syscall.Exec(program, args, os.Environ()); err != nil {
		fail("cannot run %s: %v", program, err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "engine-launcher: "+format+"\n", args...)
	os.Exit(2)
}
