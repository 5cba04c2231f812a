//go:build !race

package workbook_test

const raceEnabled = false
