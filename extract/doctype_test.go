package extract

import "testing"

// TestHeaderAndDocType reads published documents as they were published
// (testdata/real) and checks what they are and who wrote them when: site
// wrappers, titles wrapped over lines or glued to the text, 《》 names,
// traditional characters with pinyin readings, a 单位名称 label, the
// signature, a code prefix, 决算 with and without a 自评表, a third-party
// evaluation titled 自评, a policy and a publishing notice.
func TestHeaderAndDocType(t *testing.T) {
	tests := []struct {
		id, ext     string
		docType     DocType
		unit, title string
		year        int
	}{
		{"anhui-jingde-nongyenongcunshuili-2021-yinshui", "txt", SelfEvaluationReport, "旌德县农业农村水利局", "旌德县2021年农村饮水工程维修养护工程水利发展资金绩效自评报告", 2021},
		{"anhui-sixian-caizhengju-2019-choucha", "txt", EvaluationReport, "泗县财政局", "泗县财政局扶贫项目绩效目标自评抽查情况报告", 2019},
		{"fujian-pingtan-meilixiangcun-20xx-pingjia", "txt", EvaluationReport, "", "美丽乡村建设项目绩效自评报告", 0},
		{"guangdong-suixi-shuiwuju-2022-shuiku", "txt", SelfEvaluationReport, "遂溪县水务局", "项目支出绩效自评报告", 2022},
		{"hunan-leiyang-disizhongxue-2022-gongyong", "txt", SelfEvaluationReport, "耒阳市第四中学", "耒阳市第四中学专项资金绩效自评价报告", 2022},
		{"hunan-yueyang-chengguanjiandu-2018-zhengti", "txt", SelfEvaluationReport, "岳阳市城市管理监督指挥中心", "岳阳市2018年度部门整体支出绩效评价自评报告", 2018},
		{"hunan-longhui-renjuhuanjing-2021-pingjia", "txt", EvaluationReport, "隆回县人居环境指挥部", "隆回县人居环境指挥部乡村振兴项目资金绩效评价报告", 2021},
		{"henan-gushi-zushimiao-2024-chanye", "txt", SelfEvaluationReport, "固始县祖师庙镇人民政府", "2024年固始县祖师庙镇仰天洼社区产业设施配套项目绩效目标自评报告", 2024},
		{"henan-xiping-jiaotong-2022-xianjie", "txt", SelfEvaluationReport, "西平县交通运输局", "2022年西平县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结报告", 2022},
		{"hunan-hengshan-guantangxiang-2023-juesuan", "txt", FinalAccounts, "衡山县贯塘乡人民政府", "2023年度部门整体支出绩效自评表", 2023},
		{"shanghai-putuo-shegongbu-2024-juesuan", "pdf", FinalAccounts, "中共上海市普陀区委社会工作部", "中共上海市普陀区委社会工作部2024年度部门决算", 2024},
		{"yunnan-zhenkang-mengduixiang-2023-juesuan", "txt", FinalAccounts, "镇康县勐堆乡人民政府", "镇康县勐堆乡人民政府2023年度部门决算", 2023},
		{"hubei-jingchuligong-2020-banfa", "txt", OtherDocument, "荆楚理工学院", "荆楚理工学院预算绩效管理办法(试行)", 0},
		{"gansu-tianshui-caizhengju-2021-pingjiagongkai", "txt", OtherDocument, "天水市财政局", "", 2021},
		{"unknown-taowenku-xxxx-shenong-muban", "txt", OtherDocument, "", "镇财政所涉农整合资金项目绩效自评报告", 0},
		{"yunnan-honghe-dierrenminyiyuan-2023-gonggongweisheng", "txt", SelfEvaluationReport, "红河州第二人民医院", "红河州第二人民医院国家基本公共卫生服务项目州级补助资金2023年度绩效自评报告", 2023},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			_, r := readTestReport(t, "../testdata/real/docs/"+tt.id+"."+tt.ext)
			if r.DocType != tt.docType || r.DocTypeLabel != tt.docType.Label() {
				t.Errorf("doc type %q (%s), want %q", r.DocType, r.DocTypeLabel, tt.docType)
			}
			if r.Unit != tt.unit || r.Title != tt.title || r.Year != tt.year {
				t.Errorf("header %q %q %d, want %q %q %d", r.Unit, r.Title, r.Year, tt.unit, tt.title, tt.year)
			}
		})
	}
}

// TestAccountsPerformance: a 部门决算 without a 自评表 reads its own 绩效自评
// sentence (项目1个，涉及预算金额175.52万元，平均得分100.00分).
func TestAccountsPerformance(t *testing.T) {
	_, r := readTestReport(t, "../testdata/real/docs/shanghai-putuo-shegongbu-2024-juesuan.pdf")
	if r.Stated.Count == nil || *r.Stated.Count != 1 || r.Stated.TotalWan == nil || r.Stated.TotalWan.String() != "175.52" ||
		r.TotalScore == nil || r.TotalScore.StringFixed(2) != "100.00" || r.Stated.Page != 21 {
		t.Errorf("stated %v %v score %v page %d", r.Stated.Count, r.Stated.TotalWan, r.TotalScore, r.Stated.Page)
	}
}

// TestDocTypeLabels: every type has one label, found back from it.
func TestDocTypeLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, dt := range DocTypes() {
		l := dt.Label()
		if seen[l] {
			t.Errorf("label %q used twice", l)
		}
		seen[l] = true
		if got, ok := DocTypeByLabel(l); !ok || got != dt {
			t.Errorf("DocTypeByLabel(%q) = %q %v, want %q", l, got, ok, dt)
		}
		if got, ok := DocTypeByLabel(string(dt)); !ok || got != dt {
			t.Errorf("DocTypeByLabel(%q) = %q %v", dt, got, ok)
		}
	}
	if _, ok := DocTypeByLabel("部门预算表格"); ok {
		t.Error("an unknown label was accepted")
	}
	if got, _ := DocTypeByLabel("other"); got != OtherDocument {
		t.Errorf("the truth files' other = %q", got)
	}
}

// TestDocTypeOf: what decides the type, on short texts of each kind.
func TestDocTypeOf(t *testing.T) {
	tests := []struct {
		name, title, text string
		genre             Genre
		want              DocType
	}{
		{"self", "某镇2023年度项目支出绩效自评报告", "一、基本情况\n我镇对项目开展了绩效自评。", Narrative, SelfEvaluationReport},
		{"an audit commissioned is no evaluation by others", "某局2023年度绩效自评报告",
			"一、基本情况\n项目竣工后我局委托会计师事务所进行了结算审计。我局开展了自评。", Narrative, SelfEvaluationReport},
		{"a section on the 决算 of a 自评报告", "某局2023年度部门整体支出绩效自评报告",
			"一、部门决算情况\n二、部门预算单位构成\n本部门自评得分95分。", Narrative, SelfEvaluationReport},
		{"commissioned from a firm", "某项目绩效自评报告", "我局委托某某会计师事务所，按照独立、客观的原则，对该项目资金进行了绩效评价。", Narrative, EvaluationReport},
		{"a 重点评价 by the finance bureau", "2022年度重点项目绩效评价情况报告", "按照要求开展重点评价。", Narrative, EvaluationReport},
		{"a 决算", "", "某乡人民政府\n2023年度部门决算\n目录\n第一部分 部门概况", Narrative, FinalAccounts},
		{"a 预算", "", "某县教育局2024年部门预算\n目录\n一、部门职责", Narrative, DepartmentBudget},
		{"a 决算 with its 自评表", "", "2023年度部门决算公开\n附件二\n部门整体支出绩效自评表\n| 部门名称 | 某乡 |", DepartmentTable, FinalAccounts},
		{"a project table", "项目支出绩效自评表", "项目支出绩效自评表\n| 项目名称 | 道路 |", ProjectTable, ProjectSelfTable},
		{"a department table", "部门整体支出绩效自评表", "部门整体支出绩效自评表\n| 部门名称 | 某局 |", DepartmentTable, DepartmentSelfTable},
		{"a goal declaration", "项目支出绩效目标申报表", "项目支出绩效目标申报表\n| 项目名称 | 道路 |", ProjectTable, GoalDeclaration},
		{"a monitoring table", "项目支出绩效运行监控表", "项目支出绩效运行监控表\n| 项目名称 | 道路 |", ProjectTable, MonitoringTable},
		{"rules", "某学院预算绩效管理办法(试行)", "第一章 总则\n第一条 为加强绩效管理，制定本办法。", Narrative, OtherDocument},
		{"a template", "镇涉农资金项目绩效自评报告", "镇xxxx年资金预算金额为xxxx.xx万元，实施项目x个，已拨付xx万元。", Narrative, OtherDocument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := docTypeOf(tt.text, &Report{Title: tt.title, Genre: tt.genre}); got != tt.want {
				t.Errorf("docTypeOf = %q, want %q", got, tt.want)
			}
		})
	}
}
