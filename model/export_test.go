package model

// SetMaxInputSize lowers the input size limit for a test and returns a
// function that restores it.
func SetMaxInputSize(n int64) (restore func()) {
	old := maxInputSize
	maxInputSize = n
	return func() { maxInputSize = old }
}
