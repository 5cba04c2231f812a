package report

import (
	"testing"
	"unsafe"
)

// TestRecordSize guards the memory a briefing of many figures takes while
// it is built: 40 bytes a figure.
func TestRecordSize(t *testing.T) {
	if n := unsafe.Sizeof(figRec{}); n != 40 {
		t.Errorf("figRec is %d bytes; want 40", n)
	}
}
