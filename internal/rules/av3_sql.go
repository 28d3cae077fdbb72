package rules

func init() {
	register(
		&Rule{
			ID:         "AV301",
			Name:       "sql-string-building",
			Title:      "SQL query built from non-constant strings",
			Summary:    "A query string built with +, fmt.Sprintf, strings.Builder or strings.Join from a value that is not constant reaches a query execution call; use placeholders and pass the values as arguments.",
			CWE:        []int{89},
			Severity:   High,
			Confidence: HighConfidence,
			Default:    true,
		},
		&Rule{
			ID:         "AV302",
			Name:       "sql-fragment-building",
			Title:      "SQL clause built from non-constant strings in an ORM or query builder",
			Summary:    "A WHERE, ORDER BY, GROUP BY, HAVING, JOIN, SELECT or table fragment built from a non-constant string is handed to an ORM (gorm) that inserts it verbatim; use the builder's placeholders or choose identifiers from an allow-list.",
			CWE:        []int{89},
			Severity:   High,
			Confidence: MediumConfidence,
			Default:    true,
		},
	)
}
