package ui

import (
	"errors"
	"testing"
)

// 002 s7: Sam is on a Child in Need plan: the LA and the social worker
// get a copy of the plan by the start. m records the one under the cursor
// as sent, asking the date it went (today unless another is typed, never
// a day to come) and who sent it, as notify --sent --by does.
func TestNotificationsMarkSentAsksDateAndSender(t *testing.T) {
	d := openNotifications(t)
	d.mustSee("Notifications: 3 needed, 0 sent", "local authority", "social worker", "governors",
		"Child Protection or Child in Need plan: send a copy of the reduced timetable to the", "named social worker (002 s7)")
	d.keys("s") // s is no longer "sent today": it means nothing here
	if d.store.saves != 0 {
		t.Fatalf("s saved the case: saves = %d", d.store.saves)
	}
	d.keys("m")
	d.mustSee("Record the plan as sent to the", "Sent on (DD/MM/YYYY)", "04/11/2026", "Sent by")
	clearInput(d)
	d.keys("05/11/2026", "enter")
	d.mustSee("Sent on: 05/11/2026 is in the future (today is 04/11/2026): type the date it was sent")
	clearInput(d)
	d.keys("03/11/2026", "enter", "enter")
	d.mustSee("Sent by: type the name of the person who sent it")
	d.keys("Ms R Khan", "enter")
	d.mustSee("Recorded: plan sent to the", "on 03/11/2026 by Ms R Khan.", "Notifications: 3 needed, 1 sent")
	got := d.store.lastSave.Notifications
	if d.store.saves != 1 || len(got) != 1 || !got[0].Sent.Equal(date("2026-11-03")) || got[0].SentBy != "Ms R Khan" || got[0].To == "" {
		t.Fatalf("saves %d, notifications %+v; want one sent 03/11/2026 by Ms R Khan", d.store.saves, got)
	}
	d.keys("m") // the same one again: already recorded
	d.mustSee("Already recorded: sent to the")
	if d.store.saves != 1 {
		t.Errorf("marking a sent notification again saved the case")
	}
}

// A change saved elsewhere meanwhile is not overwritten.
func TestNotificationsConflict(t *testing.T) {
	d := openNotifications(t)
	d.store.saveErr = errors.Join(errors.New("case 1 was changed elsewhere; reload it"), ErrConflict)
	d.keys("m", "enter", "Ms R Khan", "enter")
	d.mustSee("Not saved: this case was changed elsewhere")
	if d.store.saves != 0 {
		t.Errorf("saves = %d after a conflict", d.store.saves)
	}
}
