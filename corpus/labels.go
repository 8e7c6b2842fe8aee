package corpus

// Label is the Chinese name of the decision.
func (v Verdict) Label() string {
	switch v {
	case Confirmed:
		return "已确认"
	case Dismissed:
		return "已排除"
	}
	return string(v)
}

// Label is the Chinese name of the review state ("" for any).
func (s ReviewState) Label() string {
	switch s {
	case ReviewPending:
		return "待审核"
	case ReviewConfirmed:
		return "已确认"
	case ReviewDismissed:
		return "已排除"
	}
	return ""
}
