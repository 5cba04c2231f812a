package xlsx

import (
	"bytes"
	"reflect"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// releaseStream frees the in-memory buffer excelize's stream writer keeps
// once a sheet is flushed to its temporary file. The writer sends its rows
// to a temporary file in chunks of excelize.StreamChunkSize (16 MB) and,
// once it has, keeps the emptied buffer, grown to 16–32 MB, until the
// workbook is saved: for a workbook of a million figures, three sheets
// held some 60 MB doing nothing. A sheet that never reached a temporary
// file has its rows in that buffer, and keeps it.
//
// excelize exports neither the buffer nor a way to release it, so this
// reaches the unexported fields StreamWriter.rawData.buf and .tmp; if a
// version of excelize names them otherwise, it does nothing
// (TestReleaseStream notices).
func releaseStream(sw *excelize.StreamWriter) bool {
	if sw == nil {
		return false
	}
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct {
		return false
	}
	buf, tmp := raw.FieldByName("buf"), raw.FieldByName("tmp")
	if !buf.IsValid() || buf.Type() != reflect.TypeFor[bytes.Buffer]() || !tmp.IsValid() || tmp.Kind() != reflect.Pointer {
		return false
	}
	if tmp.IsNil() {
		return false // the rows are in the buffer
	}
	b := (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr()))
	if b.Len() != 0 {
		return false // not flushed
	}
	*b = bytes.Buffer{}
	return true
}
