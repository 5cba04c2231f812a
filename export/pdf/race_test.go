//go:build race

package pdf

// raceDetector is true in a test binary built with -race.
const raceDetector = true
