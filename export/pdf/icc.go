package pdf

import (
	"encoding/binary"
	"math"
	"sync"
)

// srgbProfile returns an ICC version 2 display profile of the sRGB colour
// space (IEC 61966-2.1), the output intent of a PDF/A file: sRGB's
// primaries adapted to the D50 white of the profile connection space (as
// the ICC's own sRGB profiles give them) and its tone curve sampled at
// 64 points, which a reader interpolates within 0.01 % of the curve. It
// is built here rather than copied from a file, so that its bytes are
// known and free of any licence. A reader builds a colour transform from
// it often (poppler, for each structure element whose text it reads):
// 64 points make that 4 times cheaper than 1024.
var srgbProfile = sync.OnceValue(func() []byte {
	be := binary.BigEndian
	s15 := func(v float64) uint32 { return uint32(int32(math.Round(v * 65536))) }
	xyz := func(x, y, z float64) []byte {
		b := []byte("XYZ \x00\x00\x00\x00")
		b = be.AppendUint32(b, s15(x))
		b = be.AppendUint32(b, s15(y))
		return be.AppendUint32(b, s15(z))
	}
	desc := func(s string) []byte {
		b := []byte("desc\x00\x00\x00\x00")
		b = be.AppendUint32(b, uint32(len(s)+1))
		b = append(b, s...)
		b = append(b, 0)
		b = be.AppendUint32(b, 0) // Unicode language
		b = be.AppendUint32(b, 0) // Unicode count
		b = be.AppendUint16(b, 0) // ScriptCode code
		b = append(b, 0)          // ScriptCode count
		return append(b, make([]byte, 67)...)
	}
	text := func(s string) []byte { return append(append([]byte("text\x00\x00\x00\x00"), s...), 0) }
	const n = 64
	curve := be.AppendUint32([]byte("curv\x00\x00\x00\x00"), n)
	for i := range n {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = be.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	tags := []struct {
		sig  string
		data []byte
	}{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
		{"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
		{"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
		{"rTRC", curve},
		{"gTRC", nil}, // the same curve
		{"bTRC", nil},
	}
	header := make([]byte, 128)
	table := be.AppendUint32(nil, uint32(len(tags)))
	var data []byte
	off := 128 + 4 + 12*len(tags)
	curveAt, curveLen := 0, 0
	for _, t := range tags {
		at, size := off+len(data), len(t.data)
		if t.data == nil {
			at, size = curveAt, curveLen
		} else {
			if t.sig == "rTRC" {
				curveAt, curveLen = at, size
			}
			data = append(data, t.data...)
			for len(data)%4 != 0 {
				data = append(data, 0)
			}
		}
		table = append(table, t.sig...)
		table = be.AppendUint32(table, uint32(at))
		table = be.AppendUint32(table, uint32(size))
	}
	total := 128 + len(table) + len(data)
	be.PutUint32(header[0:], uint32(total))
	be.PutUint32(header[8:], 0x02100000)
	copy(header[12:], "mntrRGB XYZ ")
	for i, v := range []uint16{2024, 1, 1, 0, 0, 0} {
		be.PutUint16(header[24+2*i:], v)
	}
	copy(header[36:], "acsp")
	be.PutUint32(header[68:], s15(0.9642))
	be.PutUint32(header[72:], s15(1.0))
	be.PutUint32(header[76:], s15(0.8249))
	return append(append(header, table...), data...)
})
