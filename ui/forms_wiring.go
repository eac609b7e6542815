package ui

// defaultForms is the protocol form catalogue the app uses when the caller
// gives none.
func defaultForms() FormCatalogue { return nil }
