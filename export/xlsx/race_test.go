//go:build race

package xlsx

// raceEnabled is true when the tests run under the race detector, which
// makes TestLargeWorkbook take many minutes.
const raceEnabled = true
