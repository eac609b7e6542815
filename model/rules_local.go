package model

var (
	oxfordshireRules    []Rule
	worcestershireRules []Rule
	bwmatRules          []Rule
	haveringRules       []Rule
	hillingdonRules     []Rule
)
