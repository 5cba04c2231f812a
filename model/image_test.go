package model_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
)

// testPNG and testJPEG encode a w × h image.
func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	img.Set(1, 1, color.Gray{200})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func dataURI(mediaType string, data []byte) string {
	return "data:" + mediaType + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// TestLogo checks the issuer's logo: a PNG or JPEG data URI, whole and
// within the limits, whose media type says what it is.
func TestLogo(t *testing.T) {
	pngData, jpegData := testPNG(t, 40, 20), testJPEG(t, 30, 30)
	for _, c := range []struct {
		name, uri string
		sentinel  error
		want      string // in the error; "" for none
	}{
		{"png", dataURI("image/png", pngData), nil, ""},
		{"jpeg", dataURI("image/jpeg", jpegData), nil, ""},
		{"not a data URI", "https://example.org/logo.png", model.ErrInvalidValue, `"https://example.org/logo.png": want a data URI of a PNG or JPEG image in base64`},
		{"svg", dataURI("image/svg+xml", []byte("<svg/>")), model.ErrInvalidValue, "want a data URI"},
		{"bad base64", "data:image/png;base64,iVBOR w0KGgo=", model.ErrInvalidValue, "the image's base64: illegal base64 data at input byte 5"},
		{"jpeg said png", dataURI("image/png", jpegData), model.ErrInvalidValue, "a JPEG image in a data URI of image/png"},
		{"not an image", dataURI("image/png", []byte("GIF89a……")), model.ErrInvalidValue, "not a PNG or JPEG image"},
		{"truncated png", dataURI("image/png", pngData[:len(pngData)-20]), model.ErrInvalidValue, "PNG image: "},
		{"truncated jpeg", dataURI("image/jpeg", jpegData[:len(jpegData)/2]), model.ErrInvalidValue, "JPEG image: "},
		{"too many pixels", dataURI("image/png", testPNG(t, 4100, 1100)), model.ErrTooLarge, "PNG image of 4100 × 1100 pixels, more than the 4194304 pixels allowed"},
		{"too many bytes", "data:image/png;base64," + strings.Repeat("A", 4*model.MaxLogoBytes/3+8), model.ErrTooLarge, "more than the 1048576 allowed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, format, err := model.DecodeImageURI(c.uri)
			if c.want == "" {
				if err != nil || len(data) == 0 || format == "" {
					t.Fatalf("DecodeImageURI: %v (%d bytes, %q)", err, len(data), format)
				}
			} else if err == nil || !errors.Is(err, c.sentinel) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("DecodeImageURI error %v; want %v with %q", err, c.sentinel, c.want)
			}
			// Validate reports the same at issuer.logo.
			d := minimal(t)
			d.Issuer.Logo = c.uri
			issues := model.Validate(d)
			if c.want == "" {
				if err := issues.Err(); err != nil {
					t.Fatal(err)
				}
				return
			}
			if len(issues) != 1 || issues[0].Path != "issuer.logo" || !errors.Is(issues[0].Err, c.sentinel) {
				t.Fatalf("issues %v; want one at issuer.logo", issues)
			}
		})
	}
	// A logo survives saving and loading.
	d := minimal(t)
	d.Issuer.Logo = dataURI("image/png", pngData)
	var buf bytes.Buffer
	if err := model.Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	back, err := model.Unmarshal(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.Issuer.Logo != d.Issuer.Logo {
		t.Error("the logo changed through Encode and Unmarshal")
	}
	// No renderer prints it as text.
	_ = model.EachString(back, func(path, s string) error {
		if path == "issuer.logo" {
			t.Error("EachString visits the logo")
		}
		return nil
	})
}

func minimal(t *testing.T) *model.Dossier {
	t.Helper()
	data, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
