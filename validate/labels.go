package validate

// Label is the Chinese name of the severity.
func (s Severity) Label() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	case Info:
		return "提示"
	}
	return string(s)
}

// Rank orders severities for sorting: errors first (3), then warnings (2),
// then infos (1); 0 for an unknown one.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}
