package events_test

import (
	"testing"

	"github.com/coibrief/coibrief/export/events"
)

// TestGolden holds the bytes of the events of the German example.
func TestGolden(t *testing.T) {
	golden(t, "de-example.acled.csv", write(t, germanExample(t), events.Options{}))
}
