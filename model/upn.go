package model

import (
	"fmt"
	"strings"
)

// upnLetters are the check letters of a Unique Pupil Number: A-Z without
// I, O and S (DfE, "Unique pupil numbers (UPNs): guidance").
const upnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

// ParseUPN checks a UPN: 13 characters, a check letter then 12 characters
// of which the last may be a letter (a temporary UPN). A permanent UPN's
// check letter must match its digits, which catches most mistyped numbers.
func ParseUPN(s string) (string, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	if u == "" {
		return "", nil
	}
	if len(u) != 13 || !strings.ContainsRune(upnLetters, rune(u[0])) {
		return "", fmt.Errorf("%q is not a UPN: type the 13 characters from the MIS, a letter then 12 digits", s)
	}
	for i := 1; i < 12; i++ {
		if u[i] < '0' || u[i] > '9' {
			return "", fmt.Errorf("%q is not a UPN: characters 2 to 12 must be digits", s)
		}
	}
	last := u[12]
	if last < '0' || last > '9' {
		if !strings.ContainsRune(upnLetters, rune(last)) {
			return "", fmt.Errorf("%q is not a UPN: the last character must be a digit or a letter other than I, O or S; check the number in the MIS", s)
		}
		return u, nil // temporary UPN: no check letter rule for the letter form
	}
	if want := upnCheckLetter(u[1:]); want != u[0] {
		return "", fmt.Errorf("%q is not a valid UPN: its check letter should be %c; check the number in the MIS", s, want)
	}
	return u, nil
}

// upnCheckLetter weights the 12 characters after the check letter by their
// positions 2-13, sums, and takes the letter at the sum mod 23.
func upnCheckLetter(rest string) byte {
	sum := 0
	for i := 0; i < len(rest); i++ {
		sum += int(rest[i]-'0') * (i + 2)
	}
	return upnLetters[sum%23]
}
