//go:build !unix

package model_test

import "errors"

func mkfifo(string) error { return errors.New("not supported") }
