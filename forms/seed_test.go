package forms

import (
	"bytes"
	"strings"
	"testing"

	"reintegrate/model"
)

// seedWording is, per template, the seed's own wording copied from the
// seed text, in the seed's order. Every string must appear in the
// template's definition, its Markdown and its PDF, in this order.
var seedWording = map[string][]string{
	// 001 Reintegration Consent Form
	model.TemplateWorcsConsent: {
		"Consent to be gained from parent by current setting prior to approaching another school for consideration of a reintegration",
		"Child/YP's Name and DOB", "Alternative Provision Setting", "Address", "Parent/Carer Address if different",
		"Parent/Carer Name", "Relationship to child/yp",
		"Does the above Parent/Carer have parental responsibility?", "YES", "NO",
		"Is there another parent with parental responsibility for a child? Has agreement over the reintegration been reached?",
		"Does the parent understand the reasons for the reintegration?",
		"Does the parent agree to a reintegration?",
		"Which school does the parent & young person wish to be considered for a reintegration?",
		"I agree for the current setting to approach another school to discuss a reintegration for the above child/yp and understand the reasons for this. I consent to my child's information being shared.",
		"Name:", "Signed:", "Date:",
	},
	// 001 Reintegration Information
	model.TemplateWorcsInformation: {
		"Information to be completed by Alternative Provision setting and parent prior Reintegration Initial Meeting.",
		"Child/YP's Name and DOB", "Alternative Provision Setting", "Date Parental Consent Gained", "Proposed School",
		"Please tick one box for each category √", "Overall Good", "Overall Satisfactory", "Overall Poor",
		"Attainment", "Effort", "Attitude to staff", "Attitude to Peers", "Homework",
		"Reasons for reintegration – why might a reintegration to this school be successful?",
		"SEND Level/Category", "LAC status", "Ethnicity", "Attendance", "Exclusions (current academic year)",
		"Names of other relevant professionals involved", "Current Level of Involvement",
		"Measures already taken by the Alternative Provision setting", "Level of success",
		"(Key Stage 4) Subjects taken for GCSE and exam board",
		"Alternative curriculum arrangements currently in place",
		"Transport – it is the responsibility of the Alternative Provision setting to liaise with the parent to ensure that the child will be able to get to the proposed school during the reintegration",
		"How will the child/yp get to the proposed school?",
		"Has the parent/carer been involved in making transport arrangements for the reintegration?",
		"Please make sure any evidence of previous interventions and relevant documentation are included or attached.",
	},
	// 001 Views of the Child/Young Person and their family
	model.TemplateWorcsViews: {
		"Being reintegrated back into a mainstream school provides you with an opportunity for a fresh start",
		"The views of the child or young person and their family should be gathered at each review meeting.",
		"Name and DOB", "Date",
		"Background information you wish to share with your potential new school:",
		"The things I am good at or interest me most are:",
		"The things I find challenging and what support I think I need with those challenges:",
		"I think this new school could support me by:",
		"Aspirations, what I hope to achieve:",
		"Signature/Name of Child",
	},
	// 001 Reintegration Initial Meeting
	model.TemplateWorcsInitialMeeting: {
		"Date of Meeting", "Child/YP's Name and DOB", "Address", "Name of Alternative Provision Setting",
		"Alternative Provision Setting Representative", "Name of Host School",
		"Host School Representative including Key Worker and Head", "Parent and Child/YP present",
		"Reasons for the reintegration",
		"Why do staff from the Alternative Provision setting think the reintegration will be successful?",
		"What needs to happen for the Reintegration to be a success? Clear expectations for all parties involved need to be set out here:",
		"The child/yp will:", "The receiving school will:",
		"Named contact and contact details at the Host school for the child and parent/carer:",
		"The child/YP's parent/carer will:",
		"What support will the Alternative Provision setting provide throughout the reintegration?:",
		"Other agency commitment to the reintegration:", "Reintegration start date and time:",
		"Transport Arrangements:", "Uniform Arrangements:",
		"First Interim Review Date (2 weeks):", "Second Interim Review Date (4 weeks):", "Final Review Date (6 weeks):",
		"Attendees Signatures:", "Parent/Carer:", "Child/YP:", "Alternative Provision Setting:", "Host School:", "Other:",
	},
	// 001 Reintegration Review (or Emergency Review) Meeting
	model.TemplateWorcsReview: {
		"Date of Meeting", "Child/YP's Name & DOB", "Address (if this has changed since previous meeting)",
		"Alternative Provision Representative", "Host School Representative", "Parent/Carer",
		"Progress towards integration:", "School support including level of success to date:",
		"Issues causing concern and suggestions for improvement:", "Additional Support Required:",
		"Additional information:", "Outcome of review:", "Date of next meeting:",
		"If this is the final meeting, please complete the Outcome Form",
		"Attendees Signatures:", "Parent/Carer:", "Child/YP:", "Alternative Provision Setting:", "Host School:", "Other:",
		"If a reintegration is failing prior to a review meeting, an emergency review should be held and documented including reasons for failure and what measures could be put in place to avoid failure, use this Review form to document details and refer back to step 7 of the process.",
	},
	// 001 SUCCESSFUL Reintegration Outcome Form to be completed by Host School
	model.TemplateWorcsOutcomeSuccessful: {
		"Child/YP's Name & DOB", "Address", "Alternative Provision Setting", "Host School", "Parent/Carer",
		"Date child/yp placed on roll", "Joiner Form completed on Children's Services Portal", "YES", "NO",
		"NB The Alternative Provision Setting must notify the LA using the Children's Services Portal",
		"by completing a Leavers Form on the Children's Services Portal",
	},
	// 001 UNSUCCESSFUL Reintegration Outcome Form to be completed by Home School
	model.TemplateWorcsOutcomeUnsuccessful: {
		"Child/YP's Name & DOB", "Address", "Alternative Provision Setting", "Host School", "Parent/Carer",
		"Reasons for failure if different to those included in Review form",
		"What provision has home school put in place for the child/yp to return?",
		"Date of Return to Alternative Provision Setting", "Name of Person Completing this form",
		"The Host School must notify the LA using the Children's Services Portal",
		"that the student has been deleted from their roll under Regulation 8 (1)(c) The Education (Pupil Registration) (England) Regulations 2006.",
	},
	// 001 Sample Letter in the case of a failed Reintegration
	model.TemplateWorcsFailedLetter: {
		"(Name of Parent/Carer)", "(Child/YP's Name and DOB)",
		"I have today made the decision to end the reintegration arrangement that was set up with",
		"(name of home school", "and yourself/ves at our original meeting on", "(date of Initial Reintegration Meeting)",
		"The reasons for my decision are as follows:",
		"The decision to end the reintegration takes place with effect from", "(date)",
		"I enclose details of the review meetings, previous warnings, fixed term exclusions and other disciplinary measures that have taken place during the period of the reintegration, that support my decision.",
		"I have also included details of the support that was put in place to support the reintegration:",
		"The head teacher of", "(name of home school and name of head)",
		"has been notified of my decision and would like to meet with you to discuss what will happen next. I would ask you to contact them urgently.",
		"Yours sincerely", "Head Teacher", "Copy sent to:", "(Head Teacher of home school)", "School Admissions",
	},
	// 002 Appendix 1: Reintegration Plan including Reduced Timetable
	model.TemplateBWMATPlan: {
		"Appendix 1: Reintegration Plan including Reduced Timetable",
		"Schools should complete this plan in the exceptional circumstances that a temporary reduced timetable is introduced to meet a pupil's individual needs.",
		"Date of Meeting:", "Location:", "Name of pupil(s):", "Name of School:", "Year Group:", "Ethnicity:", "SEND status:",
		"Looked After Child (or previously looked after)", "Child Protection", "Child in Need", "Early Help/Families Plus",
		"Parents/Carers (including th", "ose who have day to day care)", "Professionals involved with", "the child:",
		"Name:", "Role & Organisation:", "Attended? (Y/N)", "Have they been inform", "timetable? If not, plea",
		"Start date of timetable:", "End date of timetable:", "Pupil should return full-time", "provision within 6 weeks of start",
		"REASONS FOR THE PLAN: (please tick all that apply)",
		"Physical Health (supported by a medical professional)", "Reintegration",
		"Mental Health (supported by a medical professional)", "Behaviour", "Other", "(please describe below):",
		"Objectives (what change do we want to see?)", "Success Criteria (what will the change look like?)",
		"Parent(s)/Carer(s):", "Child:", "School:", "Other (professional or family member):",
		"WHAT NEEDS TO HAPPEN?", "Actions to be taken:", "By When:", "Person responsible:",
		"How will we know it is working?", "Fortnightly review comments",
		"Week beginning:", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Time in", "Education",
		"Other key issues discussed: (Please ensure you record any other issues/key points not captured above)",
		"Review Meeting Dates: (within 2 weeks of the start date)",
		"Review Meeting Dates: (within 4 weeks of the start date)",
		"Review Meeting Dates: (within 6 weeks of the start date)",
		"The undersigned confirm that this is an accurate record of the discussions and outcomes agreed within the meeting.",
		"During the period of the part-time timetable the school will:",
		"Monitor the effectiveness of the part-time timetable", "Hold a review on the agreed date",
		"Provide work the child to do whilst at home and mark all work complete",
		"School Representative:", "Date:", "Signature:", "[INSERT NAMES OF", "OTHER PROFESSIONALS]:", "Date:", "Signature:",
		"Parents/carers",
		"A reduced timetable can only proceed with parents'/carers' signed consent to the plan and cannot be enforced by a school or insisted upon.",
		"Please delete as applicable:",
		"I agree with the content of these minutes and the reintegration plan.",
		"I do not agree with the reintegration for the following reasons:",
		"Name of parent:", "Date:", "Signature:",
		"Parents/Carers", "Please delete as applicable:",
		"I agree with the content of these minutes and the reintegration plan.",
		"I do not agree with the reintegration for the following reasons:",
		"Name of parent:", "Date:", "Signature:",
		"Child – this section is voluntary for the child to complete.", "Please delete as applicable:",
		"I am happy with this plan.", "I am not happy with this plan because:",
		"Name of child:", "Date:", "Signature:",
		"The Local Governing Committee should be notified of the reduced timetable as soon as a plan has been agreed.",
	},
	// 002 s5.6: the HSE five steps and the risks the seed names.
	model.TemplateBWMATRiskAssessment: {
		"Risk assessments should follow the five steps identified by the Health and Safety Executive:",
		"Step 1: Identify possible hazards", "Step 2: Decide who may be harmed and how",
		"Step 3: Evaluate the risks and decide on precaution",
		"safety and wellbeing of the pupil", "criminal activity", "substance misuse",
		"exploitation", "radicalisation",
		"Step 4: Record your findings and implement them",
		"will be exposed to significant risk if not in school",
		"Step 5: Regularly review your assessment and update if necessary",
		"This risk assessment should be signed and dated by all parties (school, parent/carer, social worker where applicable)",
	},
	// 000: the County Attendance Team, the meeting by flag, the nine contents, the LA copy.
	model.TemplateOxonPlan: {
		"Pastoral Support Plan, Individual Learning Plan, Personal Education Plan etc.",
		"the school must notify the County Attendance Team",
		"School must convene a meeting to discuss the proposals for a reintegration timetable.",
		"This must include the parent/carer of the pupil",
		"We Care For", "Virtual School", "Court Order", "YJES worker",
		"Child Protection, Child in Need Plan or Team Around the Family plan", "Social Worker or Early Help worker",
		"EHCP", "SEN Officer",
		"the proposed timetable with reintegration support to get back to full-time attendance within 6 weeks",
		"details of the review schedule",
		"the supportive interventions that will accompany this reduction in time at school",
		"school including the environment system changes within school and the new skills that will be taught",
		"outcome and exit strategies. How will all parties know that this short term exceptional arrangement has been successful?",
		"the named person responsible for the plan within the school",
		"the consideration of safeguarding measures for the duration. The school must carry out a risk assessment (including CSE and CDE) before implementation, of the child spending more time out of the school and this should be recorded in the plan",
		"consideration should be given in many cases to external behaviour support and/or targeted early help family support",
		"consideration should be given to whether alternative provision should be considered to meet need.",
		"Send the Local Authority a copy of the hours agreed and the plan upon which it was agreed within 2 days",
		"The plan and the teaching hours must be signed by the parent and without parental agreement this strategy of a reduction in hours cannot be implemented",
		"Consider the need to carry out an Early Help Assessment (EHA) to establish if there are wider needs and support required from external agencies",
		"The names of pupils on a Reintegration Timetable are passed from Education to Social Care, the Youth Justice Team Operational Group and the Early Help and Prevention Team once per half term.",
	},
	// 003 s3.4, s3.8, the minimum-expectations table, s3.9.
	model.TemplateHaveringPlan: {
		"The Re-integration Plan should be drafted and be ready to use prior to the pupils return to school.",
		"All AP placements are time limited, with a start and end date that will be agreed on the Individual Placement Agreement (IPA)",
		"The agreed minimum expectations for a reintegration:",
		"Steps", "Result", "Outcome",
		"A Reintegration Plan is drawn up and followed by all parties",
		"Regular and timely reviews are held and recorded on the Reintegration Plan to monitor progress or identify further support requirements",
		"Pupil is given a clear plan to engage well with the opportunity of a fresh start in school",
		"Support staff and buddy are available to ensure pupil feels welcome for a successful reintegration",
		"Pupil feels supported and anxieties are reduced",
		"Pupil settles and engage well which leads to positive relationships being formed with teachers and pupils",
		"Reasonable adjustments are explored and put in place to enable pupil to engage well",
		"Pupil understands and engages with the reintegration process",
		"Pupil is able to settle into school with the right support, at the right time in the right place",
		"A direction off-site would not be considered within the first term after the pupil has returned to their referring school.",
	},
	// 004: the length, the return planned from the start, weekly contact, the September destination.
	model.TemplateHillingdonPlacement: {
		"the length of time an alternative provision is intended to last",
		"reintegration plan", "from the start", "the longer-term provision",
		"realistic", "reasonable adjustments",
		"keeps in regular weekly contact with the home school is vital for maintaining trust and relationships.",
		"September destination", "post 16",
		"what support they need and from whom",
	},
}

// wording is a template's text as its definition gives it, in order:
// section titles, field titles and help-free text, options, columns, rows.
func wording(t *Template) string {
	var b strings.Builder
	b.WriteString(t.Title + "\n")
	if t.Letter {
		return b.String() + letterWording(t)
	}
	for _, s := range t.Sections {
		b.WriteString(s.Title + "\n")
		for _, f := range s.Fields {
			for _, o := range f.Options {
				if f.Kind == Rating {
					b.WriteString(o + "\n") // the grid's header comes first
				}
			}
			b.WriteString(f.Title + "\n" + f.Text + "\n")
			for _, o := range f.Options {
				if f.Kind != Rating {
					b.WriteString(o + "\n")
				}
			}
			if f.Kind == YesNo && len(f.Options) == 0 {
				b.WriteString("Yes\nNo\n")
			}
			for _, c := range f.Columns {
				b.WriteString(c.Title + "\n")
			}
			if f.Kind == Signature && len(f.Columns) == 0 {
				b.WriteString("Name:\nDate:\nSignature:\n")
			}
			for _, r := range f.RowTitles {
				b.WriteString(r + "\n")
			}
			for _, row := range f.Table {
				b.WriteString(strings.Join(row, "\n") + "\n")
			}
			if f.Kind == Timetable {
				b.WriteString("Week beginning:\nMonday\nTuesday\nWednesday\nThursday\nFriday\nTime in Education\n")
			}
		}
	}
	return b.String()
}

// letterWording is a letter's paragraphs with its blanks as the seed
// writes them.
func letterWording(t *Template) string {
	var b strings.Builder
	for _, f := range t.Fields() {
		if f.Kind != Note && f.Kind != Signature {
			continue
		}
		text := f.Title + "\n" + f.Text
		for _, g := range t.Fields() {
			text = strings.ReplaceAll(text, "{"+g.Key+"}", g.Title)
		}
		b.WriteString(text + "\n")
	}
	return b.String()
}

// inSeedOrder finds each wanted string in text after the one before it; it
// returns the first one missing. Runs of white space count as one space.
func inSeedOrder(text string, want []string) (string, bool) {
	text = strings.Join(strings.Fields(text), " ")
	at := 0
	for _, w := range want {
		w = strings.Join(strings.Fields(w), " ")
		i := strings.Index(strings.ToLower(text[at:]), strings.ToLower(w))
		if i < 0 {
			return w, false
		}
		at += i + len(w)
	}
	return "", true
}

// The seed's wording, in the seed's order, is in each template's
// definition, its Markdown and its PDF (DESIGN.md, The forms).
func TestSeedWordingInOrder(t *testing.T) {
	if len(seedWording) != len(Templates()) {
		t.Fatalf("seed wording for %d templates, want all %d", len(seedWording), len(Templates()))
	}
	school := sampleSchool()
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			want, ok := seedWording[tmpl.ID]
			if !ok {
				t.Fatal("no seed wording to compare with")
			}
			c := sampleCase(tmpl.Kinds[0])
			c.Timetable = nil
			blank := model.FormRecord{Template: tmpl.ID}
			md := strings.ReplaceAll(string(Markdown(tmpl, blank, c, school)), `\`, "")
			var pdf bytes.Buffer
			if err := PDF(tmpl, blank, c, school, &pdf); err != nil {
				t.Fatal(err)
			}
			text, _ := pdfText(pdf.Bytes())
			for what, got := range map[string]string{"definition": wording(tmpl), "Markdown": md, "PDF": text} {
				if missing, ok := inSeedOrder(got, want); !ok {
					t.Errorf("%s: %q missing or out of the seed's order", what, missing)
				}
			}
		})
	}
}
