//go:build race

package workbook_test

const raceEnabled = true
