package model

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Fuzz targets for the small parsers that had none (issue 7, part 3; STYLE.md:
// "go test -fuzz targets for every parser"). ParseDate, ParseCaseFile,
// ParsePupilsCSV and CleanText have theirs beside their own tests. How to run
// them for longer: see the comment at the top of hours_fuzz_test.go.
//
// The properties every parser here keeps: it never panics; on an error it
// returns nothing (no half value) and a message that quotes what was typed
// and says what to type instead; what it accepts is in the closed list the
// rest of the program knows, and reads back to itself from the form it is
// stored in.

// fuzzRefusal fails unless a refusal quotes the input and says what to type.
func fuzzRefusal(t *testing.T, fn, in string, err error, says string) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, strconv.Quote(in)) || !strings.Contains(msg, says) {
		t.Fatalf("%s(%q) refused with %q: want the input quoted and %q", fn, in, msg, says)
	}
}

// FuzzParseYearGroup: DESIGN.md, "Domain words": N1, N2, R, Y1..Y13, as
// schools write them (MIS exports say "Year 8", "8", "Reception").
func FuzzParseYearGroup(f *testing.F) {
	for _, s := range []string{"Y8", "y8", "8", "Year 8", " year 13 ", "Reception", "YR", "Nursery", "N1",
		"Y0", "Y14", "Year", "Y 8", "8a", "Ÿ8", "receptıon", "YEAR YEAR 8", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := ParseYearGroup(s)
		if err != nil {
			if y != "" {
				t.Fatalf("ParseYearGroup(%q) failed but returned %q", s, y)
			}
			fuzzRefusal(t, "ParseYearGroup", s, err, "type N1, N2, R or Y1 to Y13")
			return
		}
		if !slices.Contains(YearGroups, y) {
			t.Fatalf("ParseYearGroup(%q) = %q, not a year group", s, y)
		}
		for _, again := range []string{string(y), strings.ToLower(string(y)), " " + string(y) + " "} {
			if back, err := ParseYearGroup(again); err != nil || back != y {
				t.Fatalf("ParseYearGroup(%q) = %q, but %q reads as %q, %v", s, y, again, back, err)
			}
		}
	})
}

// FuzzParseFlag: a flag by its name (looked_after) or label (Looked after),
// in any case; the case file and storage keep the name.
func FuzzParseFlag(f *testing.F) {
	for _, fl := range Flags {
		f.Add(string(fl))
		f.Add(strings.ToUpper(fl.Label()))
	}
	for _, s := range []string{"", "lac", "looked after ", "EHCP", "child protection plan", "sen support"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fl, err := ParseFlag(s)
		if err != nil {
			if fl != "" {
				t.Fatalf("ParseFlag(%q) failed but returned %q", s, fl)
			}
			fuzzRefusal(t, "ParseFlag", s, err, "use looked_after, previously_looked_after")
			return
		}
		if !slices.Contains(Flags, fl) {
			t.Fatalf("ParseFlag(%q) = %q, not a flag", s, fl)
		}
		for _, again := range []string{string(fl), fl.Label()} {
			if back, err := ParseFlag(again); err != nil || back != fl {
				t.Fatalf("ParseFlag(%q) = %q, but %q reads as %q, %v", s, fl, again, back, err)
			}
		}
	})
}

// FuzzParseFlags: the MIS's flags cell, separated by ; | or commas; all or
// nothing, no repeats, and the list reads back the same from its names.
func FuzzParseFlags(f *testing.F) {
	for _, s := range []string{"", "ehcp", "Looked after; ehcp", "ehcp|EHCP|sen_support", "early_help,,;|",
		"looked_after;wizard", "Early Help / Team Around the Family", " ; "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		flags, err := ParseFlags(s)
		if err != nil {
			if flags != nil {
				t.Fatalf("ParseFlags(%q) failed but returned %v", s, flags)
			}
			if !strings.Contains(err.Error(), "is not a flag: use looked_after") {
				t.Fatalf("ParseFlags(%q) refused with %q, which does not say what to type", s, err)
			}
			return
		}
		names := make([]string, len(flags))
		for i, fl := range flags {
			if !slices.Contains(Flags, fl) || slices.Index(flags, fl) != i {
				t.Fatalf("ParseFlags(%q) = %v: an unknown or repeated flag", s, flags)
			}
			names[i] = string(fl)
		}
		if back, err := ParseFlags(strings.Join(names, ";")); err != nil || !slices.Equal(back, flags) {
			t.Fatalf("ParseFlags(%q) = %v, which reads back as %v, %v", s, flags, back, err)
		}
	})
}

// FuzzParseUPN: DfE "Unique pupil numbers (UPNs): guidance": a check letter
// (A-Z without I, O, S), eleven digits, and a digit or (temporary UPN) a
// letter; a permanent UPN's check letter must match its digits. Empty means
// no UPN.
func FuzzParseUPN(f *testing.F) {
	for _, s := range []string{"A123456789012", " j801200000101 ", "", "B123456789012", "A12345678901",
		"I123456789012", "A1234567890X1", "A12345678901A", "A12345678901S", "ａ123456789012", "A12345678901٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUPN(s)
		if err != nil {
			if u != "" {
				t.Fatalf("ParseUPN(%q) failed but returned %q", s, u)
			}
			fuzzRefusal(t, "ParseUPN", s, err, "UPN")
			return
		}
		if u == "" {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseUPN(%q) accepted it as no UPN", s)
			}
			return
		}
		checkUPNShape(t, s, u)
		for _, again := range []string{u, strings.ToLower(u)} {
			if back, err := ParseUPN(again); err != nil || back != u {
				t.Fatalf("ParseUPN(%q) = %q, but %q reads as %q, %v", s, u, again, back, err)
			}
		}
	})
}

func checkUPNShape(t *testing.T, s, u string) {
	t.Helper()
	ok := len(u) == 13 && strings.IndexByte(upnLetters, u[0]) >= 0
	for i := 1; ok && i < 12; i++ {
		ok = u[i] >= '0' && u[i] <= '9'
	}
	switch last := u[len(u)-1]; {
	case !ok:
	case last >= '0' && last <= '9':
		ok = upnCheckLetter(u[1:]) == u[0]
	default:
		ok = strings.IndexByte(upnLetters, last) >= 0
	}
	if !ok {
		t.Fatalf("ParseUPN(%q) = %q, which is not a valid UPN", s, u)
	}
}

// FuzzParsePack: RULES.md, "Packs": exactly the six pack names.
func FuzzParsePack(f *testing.F) {
	for _, p := range AllPacks {
		f.Add(string(p))
	}
	f.Add("Oxfordshire")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePack(s)
		if err != nil {
			if p != "" {
				t.Fatalf("ParsePack(%q) failed but returned %q", s, p)
			}
			fuzzRefusal(t, "ParsePack", s, err, "use national, oxfordshire")
			return
		}
		if !slices.Contains(AllPacks, p) || string(p) != s {
			t.Fatalf("ParsePack(%q) = %q", s, p)
		}
	})
}
