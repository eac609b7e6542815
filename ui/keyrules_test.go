package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"reintegrate/model"
)

// What a key does, for the rule below.
type keyClass int

const (
	// moves: the cursor, a tab, to another screen, or opens a form or a
	// question; nothing is changed until that is answered.
	moves keyClass = iota + 1
	// edits: changes the record, or the grid's working copy, at once.
	edits
	// answers: answers an open question without changing anything (leave,
	// discard, stay). Live only while the question shows, so they are held
	// to nothing beyond that.
	answers
)

// keyMaps are every screen's key map and every question's answer keys,
// by name. Each constructor in ui must be here (TestKeyMapsAreAllAudited).
func keyMaps() map[string]any {
	return map[string]any{
		"global":         DefaultGlobalKeyMap(),
		"today":          defaultTodayKeyMap(),
		"today.reports":  reportsKey,
		"cases":          defaultCasesKeyMap(),
		"case":           defaultCaseKeyMap(),
		"case.status":    defaultStatusKeyMap(),
		"reports":        defaultReportsKeyMap(),
		"settings":       defaultSettingsKeyMap(),
		"wizard":         defaultWizardKeyMap(),
		"form":           defaultFormKeyMap(),
		"form.leave":     defaultLeaveKeys(),
		"grid":           defaultGridKeyMap(),
		"grid.questions": defaultGridPromptKeys(),
		"import":         defaultImportKeyMap(),
	}
}

// keyClasses says what each binding does. A binding missing here fails
// the test: a new key is classified when it is added.
var keyClasses = map[string]keyClass{
	"global.Help": moves, "global.HelpF1": moves, "global.Back": moves, "global.Quit": moves,
	"global.ForceQ": moves, "global.Privacy": moves, "global.Lock": moves, "global.Up": moves,
	"global.Down": moves, "global.PageUp": moves, "global.PageDn": moves, "global.First": moves,
	"global.Last": moves, "global.Open": moves,

	"today.Open": moves, "today.Cases": moves, "today.New": moves, "today.Settings": moves,
	"today.Reload": moves, "today.Section": moves, "today.Back": moves, "today.reports": moves,

	"cases.Open": moves, "cases.Status": moves, "cases.Kind": moves, "cases.Clear": moves, "cases.Help": moves,
	"cases.Pupil": moves, // opens the pupil screen

	"case.NextTab": moves, "case.PrevTab": moves, "case.Timetable": moves, "case.Open": moves,
	"case.Review": moves, "case.Reload": moves, "case.GoTo": moves, "case.Pupil": moves,
	// Each opens a form: the review, the strike-out's reason, the date and
	// the sender of a notification.
	"case.ReviewOpen": moves, "case.StrikeOut": moves, "case.MarkSent": moves,
	"case.status.Start": moves, "case.status.Extend": moves, "case.status.Close": moves, "case.status.Details": moves,

	// The period's dates and the save paths are typed into a box first;
	// a saved report is a file, not the record.
	"reports.Preview": moves, "reports.From": moves, "reports.To": moves, "reports.Names": moves,
	"reports.CSV": moves, "reports.Markdown": moves, "reports.PDF": moves, "reports.Enter": moves,
	"reports.Cancel": moves,

	"settings.Edit": moves, "settings.AddPupil": moves, "settings.Import": moves,
	// The pupils import runs dry first; n and a show it dry again with an
	// option; ctrl+s writes.
	"import.Import": edits, "import.Names": moves, "import.Duplicates": moves, "import.Again": moves,
	"wizard.Pick": moves, "wizard.Cancel": moves,
	"form.Cancel":      moves,
	"form.leave.Leave": answers, "form.leave.Keep": edits, "form.leave.Stay": answers,

	"grid.Left": moves, "grid.Right": moves, "grid.Up": moves, "grid.Down": moves,
	"grid.Minutes": moves, "grid.RemoveWeek": moves, // each opens a question first
	"grid.Cycle": edits, "grid.School": edits, "grid.Offsite": edits, "grid.Dual": edits,
	"grid.LAProvision": edits, "grid.HomeLearning": edits, "grid.None": edits, "grid.More": edits,
	"grid.Less": edits, "grid.Full": edits, "grid.CopyForward": edits, "grid.StepUp": edits,
	"grid.AddWeek": edits, "grid.Undo": edits, "grid.Save": edits,
	"grid.questions.Yes": edits, "grid.questions.No": answers, "grid.questions.Stay": answers,
}

// bindings flattens the key maps into "map.Field" names.
func bindings(t *testing.T) map[string]key.Binding {
	t.Helper()
	out := map[string]key.Binding{}
	for name, m := range keyMaps() {
		if b, ok := m.(key.Binding); ok {
			out[name] = b
			continue
		}
		v := reflect.ValueOf(m)
		for i := range v.NumField() {
			b, ok := v.Field(i).Interface().(key.Binding)
			if !ok {
				t.Fatalf("%s.%s is not a key.Binding", name, v.Type().Field(i).Name)
			}
			out[name+"."+v.Type().Field(i).Name] = b
		}
	}
	return out
}

// Issue: "in the grid k set LA provision while help said k is up". The
// rule: a key that edits, anywhere, never moves, anywhere. A key pressed
// in the belief that another screen is showing then moves or does
// nothing; it never changes the record. Questions' answers that change
// nothing (leave, discard, stay) are held only to their question.
func TestEditKeysNeverMove(t *testing.T) {
	all := bindings(t)
	moving := map[string][]string{} // key -> the bindings that move with it
	for name, b := range all {
		class, ok := keyClasses[name]
		if !ok {
			t.Errorf("%s (%v) is not classified: add it to keyClasses as moves, edits or answers", name, b.Keys())
			continue
		}
		if class == moves {
			for _, k := range b.Keys() {
				moving[k] = append(moving[k], name)
			}
		}
	}
	for name, b := range all {
		if keyClasses[name] != edits {
			continue
		}
		for _, k := range b.Keys() {
			if m := moving[k]; len(m) > 0 {
				slices.Sort(m)
				t.Errorf("%s edits with %q, which moves in %s", name, k, strings.Join(m, ", "))
			}
		}
	}
	for name := range keyClasses {
		if _, ok := all[name]; !ok {
			t.Errorf("keyClasses lists %s, which no key map has", name)
		}
	}
}

// Every edit key is said in the grid's help: its full help lists each of
// the grid's bindings, with the key it answers to.
func TestGridHelpListsEveryKey(t *testing.T) {
	g := newGrid(newCommon(t.Context(), nil, testSchool(), testOn, Options{}, false), model.Case{Timetable: []model.Week{mornings("2026-11-02")}}, 1)
	var listed []string
	for _, col := range g.FullHelp() {
		for _, b := range col {
			listed = append(listed, b.Help().Desc)
		}
	}
	v := reflect.ValueOf(g.keys)
	for i := range v.NumField() {
		b := v.Field(i).Interface().(key.Binding)
		if !slices.Contains(listed, b.Help().Desc) {
			t.Errorf("the grid's help does not list %s (%s)", v.Type().Field(i).Name, b.Help().Key)
		}
	}
}

// Every key map the package defines is in keyMaps, so none escapes the
// rule: a function default...Keys/KeyMap or a package-level key.Binding
// found in the source and not listed fails.
func TestKeyMapsAreAllAudited(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{"DefaultGlobalKeyMap": true, "defaultTodayKeyMap": true, "reportsKey": true,
		"defaultCasesKeyMap": true, "defaultCaseKeyMap": true, "defaultStatusKeyMap": true,
		"defaultReportsKeyMap": true, "defaultSettingsKeyMap": true, "defaultWizardKeyMap": true,
		"defaultFormKeyMap": true, "defaultLeaveKeys": true, "defaultGridKeyMap": true, "defaultGridPromptKeys": true,
		"defaultImportKeyMap": true}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				n := d.Name.Name
				if d.Recv == nil && strings.HasPrefix(strings.ToLower(n), "default") &&
					(strings.HasSuffix(n, "KeyMap") || strings.HasSuffix(n, "Keys")) && !listed[n] {
					t.Errorf("%s (%s) makes a key map that keyMaps does not audit", n, e.Name())
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					vs, ok := s.(*ast.ValueSpec)
					if !ok || len(vs.Values) == 0 {
						continue
					}
					for i, v := range vs.Values {
						if c, ok := v.(*ast.CallExpr); ok && isNewBinding(c) && !listed[vs.Names[i].Name] {
							t.Errorf("%s (%s) is a key binding that keyMaps does not audit", vs.Names[i].Name, e.Name())
						}
					}
				}
			}
		}
	}
}

func isNewBinding(c *ast.CallExpr) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "NewBinding"
}
