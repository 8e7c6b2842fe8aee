package extract

// Label is the Chinese name of the genre, as tables and the page show it
// (the code itself for a genre without one).
func (g Genre) Label() string {
	switch g {
	case Narrative:
		return "自评报告"
	case ProjectTable:
		return "项目支出自评表"
	case DepartmentTable:
		return "部门整体支出自评表"
	}
	return string(g)
}

// Label is the Chinese name of the disbursement state.
func (d Disbursement) Label() string {
	switch d {
	case Full:
		return "全额"
	case Partial:
		return "部分"
	case None:
		return "未拨付"
	case Unknown:
		return "未说明"
	}
	return string(d)
}
