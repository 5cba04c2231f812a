package model

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the dossier format, for
// editors that validate JSON as it is typed. It is generated from the Go
// types and their documentation by the package's tests (go test -update)
// and checks structure and value syntax only: Validate checks the rest.
//
//go:embed dossier.schema.json
var Schema []byte
