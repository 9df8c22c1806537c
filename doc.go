// Package certwise holds the domain types of certwise, a decision engine that
// helps a working professional decide whether an AI certification is worth it.
//
// Besides the standard library, the root package imports one package of this
// module, internal/display, which decides how a cost, a validity period,
// hours, a percentage or a list reads. The root still words a few figures
// whose text depends on domain rules: a certification's cost with its
// provenance (CostText, ProvenanceCostText, TotalCostText, Price.Text), its
// validity (ValidityText), and a career move's bounds and skill gaps
// (MoveBounds.Text, SkillMatch.GapText); each builds on display's wording.
// The questions' wording is the questionnaire table in questionnaire.go.
// Every front end (CLI, terminal form, web form,
// JSON API) produces an Answers value and receives an Evaluation; the
// packages below the root implement the pieces:
//
//	dataset/   reads the public data files and the embedded snapshot
//	exposure/  occupation exposure profiles (the papers' figures, work mix, levels)
//	titles/    job title → occupation matching
//	rules/     the rulebook and the engine that turns Answers into an Evaluation
//	advice/    the role type and the next steps for each verdict
//	catalog/   the certification catalog (certwise.Catalog) and recommendations
//	report/    text and Markdown renderings of an Evaluation
//	sqlite/, postgres/  AssessmentStore implementations
//	http/      the web app and JSON API
//	internal/display  how figures read in every front end
//	cmd/certwise/  the command-line program that wires them together
package certwise
