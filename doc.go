// Package certwise holds the domain types of certwise, a decision engine that
// helps a working professional decide whether an AI certification is worth it.
//
// The root package has no dependencies beyond the standard library. Every
// front end (CLI, terminal form, web form, JSON API) produces an Answers value
// and receives an Evaluation; the packages below the root implement the pieces:
//
//	dataset/   reads the public data files and the embedded snapshot
//	exposure/  occupation exposure profiles (the papers' figures, work mix, levels)
//	titles/    job title → occupation matching
//	rules/     the rulebook and the engine that turns Answers into an Evaluation
//	catalog/   the certification catalog and recommendations
//	report/    text and Markdown renderings of an Evaluation
//	sqlite/, postgres/  AssessmentStore implementations
//	http/      the web app and JSON API
//	cmd/certwise/  the command-line program that wires them together
package certwise
