package model

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"strings"
)

// Limits of a logo (Issuer.Logo).
const (
	// MaxLogoBytes is the largest logo image, in bytes once decoded from
	// base64: 1 MiB.
	MaxLogoBytes = 1 << 20
	// MaxLogoPixels is the most pixels a logo image may have: 2048 by 2048,
	// or as many in another shape.
	MaxLogoPixels = 2048 * 2048
)

// The data URI prefixes of a logo.
const (
	pngURI  = "data:image/png;base64,"
	jpegURI = "data:image/jpeg;base64,"
)

// DecodeImageURI returns the image that a data URI such as Issuer.Logo
// holds, "data:image/png;base64,iVBORw0KGgo…" or
// "data:image/jpeg;base64,/9j/…": its bytes, and its format, "png" or
// "jpeg", checked as CheckImage checks them and against the URI's media
// type. The error wraps ErrInvalidValue, or ErrTooLarge for an image over
// the limits.
func DecodeImageURI(uri string) (data []byte, format string, err error) {
	var want, b64 string
	switch {
	case strings.HasPrefix(uri, pngURI):
		want, b64 = "png", uri[len(pngURI):]
	case strings.HasPrefix(uri, jpegURI):
		want, b64 = "jpeg", uri[len(jpegURI):]
	default:
		start := uri
		if len(start) > 30 {
			start = start[:30] + "…"
		}
		return nil, "", fmt.Errorf("%w: %q: want a data URI of a PNG or JPEG image in base64, data:image/png;base64,… or data:image/jpeg;base64,…", ErrInvalidValue, start)
	}
	if base64.StdEncoding.DecodedLen(len(b64)) > MaxLogoBytes+2 {
		return nil, "", fmt.Errorf("%w: an image of about %d bytes, more than the %d allowed", ErrTooLarge, base64.StdEncoding.DecodedLen(len(b64)), MaxLogoBytes)
	}
	data, err = base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, "", fmt.Errorf("%w: the image's base64: %w", ErrInvalidValue, err)
	}
	format, err = CheckImage(data)
	if err != nil {
		return nil, "", err
	}
	if format != want {
		return nil, "", fmt.Errorf("%w: a %s image in a data URI of image/%s", ErrInvalidValue, strings.ToUpper(format), want)
	}
	return data, format, nil
}

// CheckImage checks that data is a whole PNG or JPEG image, of at most
// MaxLogoBytes and MaxLogoPixels, and returns its format, "png" or
// "jpeg". The error wraps ErrInvalidValue, or ErrTooLarge.
func CheckImage(data []byte) (format string, err error) {
	if len(data) > MaxLogoBytes {
		return "", fmt.Errorf("%w: an image of %d bytes, more than the %d allowed", ErrTooLarge, len(data), MaxLogoBytes)
	}
	var decode func([]byte) error
	var cfg image.Config
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		format = "png"
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
		decode = func(b []byte) error { _, err := png.Decode(bytes.NewReader(b)); return err }
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		format = "jpeg"
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
		decode = func(b []byte) error { _, err := jpeg.Decode(bytes.NewReader(b)); return err }
	default:
		return "", fmt.Errorf("%w: not a PNG or JPEG image", ErrInvalidValue)
	}
	if err != nil {
		return "", fmt.Errorf("%w: %s image: %w", ErrInvalidValue, strings.ToUpper(format), err)
	}
	if cfg.Width < 1 || cfg.Height < 1 {
		return "", fmt.Errorf("%w: %s image of %d × %d pixels", ErrInvalidValue, strings.ToUpper(format), cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxLogoPixels/cfg.Height {
		return "", fmt.Errorf("%w: %s image of %d × %d pixels, more than the %d pixels allowed", ErrTooLarge, strings.ToUpper(format), cfg.Width, cfg.Height, MaxLogoPixels)
	}
	if err := decode(data); err != nil {
		return "", fmt.Errorf("%w: %s image: %w", ErrInvalidValue, strings.ToUpper(format), err)
	}
	return format, nil
}
