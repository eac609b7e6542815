package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A screen-reader user choosing Today hears the register and then the
// duties: the duties load only after the register has, so the plain
// prompts must follow that chain rather than print the first half.
func TestAccessibleTodayIncludesDuties(t *testing.T) {
	store := newFakeStore(testSchool())
	seed(store)
	var out bytes.Buffer
	err := runAccessible(context.Background(), store, testSchool(), testOn, Options{Forms: fakeForms{}},
		strings.NewReader("1\nq\n"), &out)
	if err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"On reduced timetables today", "Due and overdue", "BLOCKER"} {
		if !strings.Contains(text, want) {
			t.Errorf("the plain Today lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Checking the active cases") {
		t.Errorf("the plain Today stopped before the duties came in:\n%s", text)
	}
	if strings.Contains(text, "…") {
		t.Errorf("the plain Today cuts lines short; a screen reader needs them whole:\n%s", text)
	}
}
