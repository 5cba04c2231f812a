package xlsx

import "errors"

// Sentinel errors, for errors.Is.
var (
	ErrOptions  = errors.New("invalid options")               // a nil document, a language the document lacks
	ErrTooLarge = errors.New("too many rows for a worksheet") // more figures or entries than a worksheet holds
	ErrWorkbook = errors.New("workbook failed")               // the spreadsheet library failed or panicked, or a catalog gave an invalid sheet name
)
