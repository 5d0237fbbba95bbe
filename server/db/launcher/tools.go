//go:build tools

// The FerretDB command is built from this module (go build github.com/FerretDB/FerretDB/v2/cmd/ferretdb),
// so go.mod pins its version and go.sum its checksums.
package main

import _ "github.com/FerretDB/FerretDB/v2/cmd/ferretdb"
