package events_test

import (
	"testing"

	"github.com/coibrief/coibrief/internal/datatest"
	"github.com/coibrief/coibrief/report"
)

// What the tests of the data formats share, from package datatest.
const fixture = datatest.Fixture

var (
	tool          = datatest.Tool
	golden        = datatest.Golden
	germanExample = datatest.GermanExample
)

// documents returns the briefings the package's tests write, by name.
func documents(t *testing.T) map[string]*report.Document { return datatest.Documents(t, nil) }

var scripts = datatest.Scripts
