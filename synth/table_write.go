package synth

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// writeTable lays a project table out as blocks and returns its truth.
func writeTable(t *tableReport, r rng) (*document, Truth) {
	doc := &document{title: t.layout.title}
	ys := strconv.Itoa(t.year)
	if r.chance(0.3) {
		doc.blocks = append(doc.blocks, block{kind: kindStray, text: "附件1"})
	}
	if t.layout.title == "部门预算项目支出绩效自评表" {
		doc.blocks = append(doc.blocks, block{kind: kindTitle, text: t.layout.title + "（" + ys + "年度）", level: 2, bold: true, center: true})
	} else {
		doc.blocks = append(doc.blocks,
			block{kind: kindTitle, text: t.layout.title, level: 2, bold: true, center: true},
			block{kind: kindPara, text: "（" + ys + "年度）", center: true})
	}
	L := t.layout
	var rows [][]string
	switch L.title {
	case "绩效目标自评表":
		rows = append(rows, []string{"项目名称", t.name, "项目负责人及电话", t.person},
			[]string{"主管部门", t.supervisor, "实施单位", t.u.formal},
			append([]string{"资金情况（万元）", ""}, L.amountHead...))
	case "部门预算项目支出绩效自评表":
		rows = append(rows, []string{"项目名称", t.name}, []string{"主管部门", t.supervisor}, []string{"实施单位（盖章）", t.u.formal},
			append([]string{"预算执行情况（10分）", "年度预算数（万元）"}, L.amountHead...))
	default:
		rows = append(rows, []string{"项目名称", t.name}, []string{"主管部门", t.supervisor, "实施单位", t.u.formal},
			append([]string{"项目资金（万元）", ""}, L.amountHead...))
	}
	tr := Truth{Unit: t.u.formal, County: t.u.county, Year: t.year, Genre: GenreProjectTable, Title: NormalizeName(L.title),
		StatedTotalWan: wanString(t.rows[0].budget), Planted: t.planted}
	for i, fr := range t.rows {
		amount := func(v int64) (cell, truth string) {
			if fr.zero {
				if L.blank == "0.00" {
					return L.blank, "0"
				}
				return L.blank, ""
			}
			return tableNumber(v, t.pad), wanString(v)
		}
		row := []string{"", fr.label}
		tf := TruthFund{Row: fr.label, Weight: fr.weight, Rate: canonical(fr.rate), Score: canonical(fr.score)}
		if L.initial {
			c, v := amount(fr.initial)
			row = append(row, c)
			tf.InitialWan = v
		}
		c, v := amount(fr.budget)
		row = append(row, c)
		tf.BudgetWan = v
		c, v = amount(fr.executed)
		row = append(row, c)
		tf.ExecutedWan = v
		rate := ""
		if fr.rate != "" {
			rate = fr.rate + "%"
		}
		switch {
		case L.rateFirst && i > 0:
			row = append(row, rate, "/", "/")
		case L.rateFirst:
			row = append(row, rate, fr.weight, fr.score)
		default:
			row = append(row, fr.weight, rate, fr.score)
		}
		rows = append(rows, row)
		tr.Funds = append(tr.Funds, tf)
	}
	rows = append(rows, []string{"年度总体目标", "预期目标", "实际完成情况"}, []string{"", t.goal, t.goal})
	switch L.title {
	case "绩效目标自评表":
		rows = append(rows, []string{"绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"})
	case "部门预算项目支出绩效自评表":
		rows = append(rows, []string{"绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "未完成原因分析"})
	default:
		rows = append(rows, []string{"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"})
	}
	for _, in := range t.indicators {
		l1, score := in.Level1+t.level1Notes[in.Level1], in.Score // a row not applicable says so in 实际, its 得分 blank
		if L.title == "绩效目标自评表" {
			rows = append(rows, []string{"", l1, in.Level2, in.Level3, in.Weight, in.Target, in.Actual, score, in.Reason})
		} else {
			rows = append(rows, []string{"", l1, in.Level2, in.Level3, in.Target, in.Actual, in.Weight, score, in.Reason})
		}
		tr.Indicators = append(tr.Indicators, in)
	}
	if L.title == "绩效目标自评表" {
		rows = append(rows, []string{"总分", "", "", "", "100", "", "", t.totalScore, ""})
	} else {
		rows = append(rows, []string{pick(r, []string{"总分", "合计"}), "", "", "", "", "", "100", t.totalScore, ""})
	}
	tr.TotalScore = canonical(t.totalScore)
	if t.grade != "" {
		rows = append(rows, []string{"自评等级", t.grade})
		tr.Grade = t.grade
	}
	if r.chance(0.5) {
		rows = append(rows, []string{"评价结论", "项目资金使用规范，绩效目标基本完成。"})
	}
	doc.blocks = append(doc.blocks, block{kind: kindTable, rows: rows})
	if r.chance(0.3) {
		doc.blocks = append(doc.blocks, block{kind: kindPara, text: "项目负责人：" + t.person + "　　财务负责人：" + pick(r, []string{"赵敏", "孙丽", "周强"})})
	}
	disb := DisbursedFull
	if t.rows[0].executed < t.rows[0].budget {
		disb = DisbursedPartial
	}
	tr.Items = []TruthItem{{Seq: 1, Key: t.e.key, Name: t.name, BudgetWan: wanString(t.rows[0].budget),
		ActualWan: wanString(t.rows[0].executed), Disbursement: disb, Subprojects: 1}}
	if tr.Planted == nil {
		tr.Planted = []Plant{}
	}
	return doc, tr
}

// canonical writes a decimal without trailing zeros ("86.20" → "86.2"); "" stays "".
func canonical(s string) string {
	if s == "" {
		return ""
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return d.String()
}
