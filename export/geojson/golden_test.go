package geojson_test

import (
	"bytes"
	"testing"

	"github.com/coibrief/coibrief/export/geojson"
)

// TestGolden holds the bytes of the map of the German example.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := geojson.Write(&buf, germanExample(t), geojson.Options{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "de-example.geojson", buf.Bytes())
}
