package synth

// Pools of names and phrases the reports are made of. They imitate the
// reference report (南屯镇 2023) and published reports of other units; the
// township and village names are invented from common characters.

var counties = []string{
	"涞源县", "阜平县", "易县", "曲阳县", "唐县", "顺平县", "望都县", "蠡县", "博野县", "安新县",
	"满城区", "清苑区", "徐水区", "萧县", "砀山县", "灵璧县", "青神县", "洪雅县", "丹棱县", "仁寿县",
	"宁晋县", "赞皇县", "平山县", "灵寿县",
}

// Township names are a first character and a second one, plus 镇 or 乡.
var (
	townFirst  = []rune("南北东西上下大小新古石白龙马高王李张刘杨黄青柳桃杏梨安宁永丰太平长兴福寿金双三五七九方")
	townSecond = []rune("屯庄集店河沟岭山坡城寨营口桥湾峪坪堡园台坊铺楼头洼")
	streets    = []string{"城关", "城东", "城西", "城南", "城北", "新华", "建设", "胜利", "人民", "解放", "光明", "和平"}
)

var villageSurnames = []rune("宋王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢唐许韩冯邓曹彭曾田董袁潘蒋")
var villageSuffixes = []string{"家庄", "家沟", "家营", "庄", "河", "峪", "台", "屯", "各庄", "家洼"}

var highways = []string{"张石高速", "荣乌高速", "京港澳高速", "大广高速", "京昆高速", "保阜高速"}

// levels of government that fund a project (省级 驻村工作队经费 …).
var levels = []string{"省级", "市级", "县级"}

// unitKind says what sort of unit writes a report.
type unitKind int

const (
	kindTown unitKind = iota
	kindTownship
	kindStreet
	kindBureau // 局
	kindCentre // 中心
)

// department is a county department with its own projects.
type department struct {
	name     string
	kind     unitKind
	projects []project
}

// project is a recurring project of a unit: a name pattern and the phrases
// its report entry is written with. Patterns use {u} (the unit's short name),
// {c} (county), {y} (year), {y1} (year before), {lvl}, {v} (a village),
// {m} (months), {hw} (a highway), {n} (a number of villages); a trailing
// "[项目]" is a suffix that comes and goes from year to year.
type project struct {
	name     string
	purpose  string
	output   string
	effect   string
	median   float64 // typical budget in 万元
	from, to int     // years the project exists (0: any)
	key      string  // short stable label (for indicators of tables)
}

// townProjects are the projects of townships, 乡 and 街道.
var townProjects = []project{
	{name: "{u}{y}年{lvl}驻村工作队经费", purpose: "解决脱贫驻村工作队的经费需求，为百姓服务，解决当地百姓问题", output: "通过调查了解工作队工作认真，为老百姓谋福利，老百姓满意，工作队经费及时拨付", effect: "社会公众的满意度非常高", median: 20, key: "驻村"},
	{name: "关于提前下达{y}年下派选调生到村工作中央财政补助资金", purpose: "支付{self}选调生工作所用费用", output: "及时支付选调生费用", effect: "群众满意度非常高", median: 1.2, key: "选调生"},
	{name: "{u}{y}年选调生补助[项目]", purpose: "发放到村任职选调生生活补助", output: "选调生补助按月足额发放", effect: "选调生扎根基层积极性提高", median: 1.5, key: "选调生"},
	{name: "{u}{y}年村级组织办公经费", purpose: "村内开支，保障各村正常运转", output: "保障村级运转正常", effect: "社会公众的满意度非常高", median: 40, key: "办公"},
	{name: "{u}{y}年农村“两委”干部绩效补贴", purpose: "支付村干部绩效工资", output: "及时发放两委干部绩效补贴，两委干部工作认真负责，积极性高", effect: "社会公众的满意度非常高", median: 35, key: "两委"},
	{name: "{u}{y}年农村两委干部养老保险", purpose: "支付村干部养老保险", output: "及时发放农村两委干部养老保险，养老有保障", effect: "社会公众的满意度非常高", median: 1.2, key: "养老"},
	{name: "{u}{y}年耕地地力保护[项目]", purpose: "支付{self}粮食补贴资金，消除上访隐患", output: "及时发放耕地地力保护资金", effect: "种粮农户收入稳定，社会公众的满意度非常高", median: 130, key: "地力"},
	{name: "{u}{y}年{v}一事一议财政奖补[项目]", purpose: "修建村内道路及排水设施，改善群众出行条件", output: "完成村内道路硬化，工程验收合格", effect: "群众出行条件明显改善", median: 25, key: "一事一议"},
	{name: "{u}{y}年防火员{m}个月防火期工资", purpose: "支付防火员防火期工资，避免{self}发生火灾等安全隐患", output: "防火队人员工作积极，巡查到位，工资及时发放", effect: "项目实施对经济效益、社会效益好，社会公众的满意度非常高", median: 27, key: "防火员"},
	{name: "{u}危房改造[项目]", purpose: "支付{self}危房改造项目资金，保障农户住房安全", output: "通过调查了解当地危房改造项目顺利实施并完成", effect: "社会公众的满意度非常高", median: 26, key: "危房"},
	{name: "{u}关于拨付{y1}年农村户厕改造资金", purpose: "支付{self}农村户厕改造资金，美化环境", output: "支付{self}农村户厕改造资金", effect: "社会公众的满意度非常高", median: 0.8, key: "户厕"},
	{name: "{u}人民政府抢险救灾资金", purpose: "支付{self}暴雨抢险救灾所需资金", output: "及时拨付抢险救灾资金，保障受灾农户正常生活", effect: "社会公众的满意度非常高", median: 50, key: "救灾"},
	{name: "{u}防汛经费", purpose: "购置防汛物资，保障汛期安全", output: "防汛物资储备到位", effect: "汛期未发生人员伤亡", median: 1, key: "防汛"},
	{name: "{u}{y}年高标准农田建设[项目]", purpose: "建设高标准农田，完善田间灌排设施", output: "完成高标准农田建设任务，工程验收合格", effect: "粮食综合生产能力提高", median: 90, key: "农田"},
	{name: "{u}{y}年农村人居环境整治[项目]", purpose: "开展村庄清洁行动，整治农村人居环境", output: "完成村庄清洁及垃圾清运任务", effect: "村容村貌明显改善，群众满意度高", median: 15, key: "人居"},
	{name: "{u}{y}年中央财政衔接推进乡村振兴补助资金", purpose: "支持脱贫村产业发展和基础设施建设", output: "衔接资金项目按期完工", effect: "脱贫群众稳定增收", median: 80, from: 2021, key: "衔接"},
	{name: "{u}{y}年财政专项扶贫资金[项目]", purpose: "支持贫困村产业发展，带动贫困户增收", output: "扶贫项目按期完工，贫困户分红及时发放", effect: "贫困户稳定脱贫", median: 60, to: 2020, key: "扶贫"},
	{name: "{u}{v}联建鸡场基础设施配套[项目]", purpose: "支付{v}鸡场基础设施维护项目资金", output: "通过调查了解当地设施合格情况合格，工程款及时发放", effect: "社会公众的满意度非常高", median: 100, key: "鸡场"},
	{name: "{u}信访稳定经费", purpose: "支付{self}维稳经费支出，维护{self}正常信访秩序", output: "维护了{self}信访稳定", effect: "社会公众的满意度非常高", median: 18, key: "信访"},
	{name: "{u}购买无人机[项目]", purpose: "支付{self}购买无人机费用，加强防火巡逻，加强对{self}山地、森林等资源的日常巡护", output: "加强{self}防火巡逻", effect: "{self}未发生火灾", median: 3.7, key: "无人机"},
	{name: "{u}购买公务用车[项目]", purpose: "支付{self}购买公务用车费用，增强{self}工作效率", output: "购买公务用车，增强{self}工作效率", effect: "工作效率提高", median: 10, key: "公务用车"},
	{name: "{u}{y}年村党组织活动经费", purpose: "支付各村村党组织办公经费", output: "及时发放村党组织活动专项经费", effect: "社会公众的满意度非常高", median: 15, key: "党组织"},
	{name: "{u}{y}年享受正常离任干部补贴", purpose: "支付离任两委干部补贴", output: "离任老干部工资及时发放", effect: "社会公众的满意度非常高", median: 15, key: "离任"},
	{name: "{u}计划生育经费", purpose: "继续加强指导计划生育基层基础工作，全面推进依法行政", output: "计划生育责任目标奖励政策落实率100%", effect: "流动人口计划生育服务满意率100%，社会公众的满意度非常高", median: 1, key: "计生"},
	{name: "{u}{y}年民政统筹经费", purpose: "乡镇的拥军优属、救灾扶贫，妥善安置残疾人就业，搞好民政工作", output: "优抚对象抚恤和生活补助足额兑现率100%，申请低保人员核实率100%", effect: "社会公众的满意度非常高", median: 0.5, key: "民政"},
	{name: "{u}{y}年卫生补助专项经费", purpose: "指导和协调乡镇医疗卫生队伍建设，加强医疗卫生设施建设", output: "达到国家、省相关标准村卫生所，家庭医生签约服务覆盖率", effect: "社会公众的满意度非常高", median: 0.5, key: "卫生"},
	{name: "{u}防贫监测员{y1}年1-12月劳务报酬", purpose: "支付{self}防贫监测员工资，更好地落实防贫监测工作", output: "防贫监测员工作积极，工资及时发放", effect: "防贫监测工作落实到位，社会公众的满意度非常高", median: 28, from: 2020, key: "防贫"},
	{name: "{u}{hw}两侧土地流转绿化资金", purpose: "完成补偿发放，消除上访隐患", output: "通过调查了解当地设施合格情况合格，补偿款及时发放", effect: "社会公众的满意度非常高", median: 100, key: "绿化"},
	{name: "{u}转移安置（集中安置）人员救助金", purpose: "支付{self}受灾农户转移安置资金，保障农户安全", output: "支付{self}受灾农户转移安置资金", effect: "受灾农户满意度高", median: 0.3, key: "安置"},
	{name: "{u}农村环境治理[项目]", purpose: "治理农村环境卫生，清理积存垃圾", output: "完成农村环境治理任务", effect: "农村环境明显改善", median: 2, key: "环境"},
	{name: "{u}{y}年{n}个村服务群众专项经费", purpose: "支付各村党组织服务群众专项经费，更好地服务群众", output: "及时拨付村服务群众专项经费", effect: "是发展民生、改善民生需要，社会公众的满意度非常高", median: 70, key: "服务群众"},
	{name: "{u}关于拨付尾矿砂毁耕地补偿款请示", purpose: "完成补偿发放，消除上访隐患", output: "通过调查了解当地设施合格情况合格，补偿款及时发放", effect: "社会公众的满意度非常高", median: 36, key: "补偿"},
	{name: "{u}{y}年乡村公益性岗位补贴", purpose: "发放乡村公益性岗位人员补贴，带动脱贫人口就业", output: "公益性岗位补贴按月足额发放", effect: "脱贫人口就业稳定", median: 12, key: "公益岗"},
	{name: "{u}{y}年农村饮水安全工程维修养护[项目]", purpose: "维修养护农村饮水工程，保障群众饮水安全", output: "维修供水管网，供水保证率达到95%以上", effect: "群众饮水安全得到保障", median: 8, key: "饮水"},
	{name: "{u}{y}年农村公路养护资金", purpose: "养护农村公路，保障道路通行", output: "完成农村公路日常养护任务", effect: "群众出行安全便利", median: 9, key: "公路"},
	{name: "{u}{y}年秸秆禁烧经费", purpose: "开展秸秆禁烧巡查，改善空气质量", output: "秸秆禁烧巡查全覆盖", effect: "未发生秸秆焚烧火点", median: 3, key: "禁烧"},
	{name: "{u}{y}年农业保险保费补贴", purpose: "补贴农户农业保险保费，分散农业生产风险", output: "农业保险保费补贴及时拨付", effect: "农户受灾损失得到补偿", median: 6, key: "保险"},
	{name: "{u}{y}年困难群众临时救助资金", purpose: "救助遭遇突发困难的群众，保障基本生活", output: "临时救助资金足额发放", effect: "困难群众基本生活得到保障", median: 4, key: "救助"},
	{name: "{u}{y}年综治中心运行经费", purpose: "保障综治中心日常运行，化解矛盾纠纷", output: "综治中心正常运行，矛盾纠纷化解率达到95%以上", effect: "社会治安总体稳定", median: 3, key: "综治"},
	{name: "{u}{y}年垃圾清运费", purpose: "支付{self}生活垃圾清运费用", output: "生活垃圾日产日清", effect: "村容村貌整洁，群众满意度高", median: 20, key: "垃圾"},
	{name: "{u}{y}年光伏电站运维资金", purpose: "支付村级光伏电站运行维护费用", output: "光伏电站正常发电", effect: "村集体经济收入稳定", median: 5, key: "光伏"},
	{name: "{u}{y}年{v}村级集体经济发展[项目]", purpose: "发展村级集体经济，建设产业配套设施", output: "项目按期建成并投入使用", effect: "村集体经济收入增加", median: 50, key: "集体经济"},
	{name: "{u}{y}年{v}特色种养补贴到户[项目]", purpose: "落实特色种养业奖补政策，增加脱贫户家庭收入", output: "特色种养补贴发放到户", effect: "脱贫户家庭收入增加", median: 9, key: "种养"},
	{name: "{u}{y}年雨露计划补助资金", purpose: "资助脱贫家庭子女接受职业教育", output: "雨露计划补助按时发放", effect: "脱贫家庭子女顺利完成学业", median: 3, key: "雨露"},
	{name: "{u}{y}年新时代文明实践站运行经费", purpose: "开展新时代文明实践活动", output: "全年开展文明实践活动", effect: "群众文明素质提升", median: 2, from: 2019, key: "文明实践"},
	{name: "{u}{y}年防止返贫监测帮扶资金", purpose: "对监测对象落实帮扶措施，防止返贫", output: "监测对象帮扶措施落实率100%", effect: "未发生规模性返贫", median: 10, from: 2021, key: "返贫"},
	{name: "{u}{y}年河长制工作经费", purpose: "开展河道巡查和保洁", output: "河道巡查保洁全覆盖", effect: "河道水质改善", median: 2, key: "河长"},
	{name: "{u}{y}年安全生产专项经费", purpose: "开展安全生产检查，消除安全隐患", output: "安全隐患整改率100%", effect: "全年未发生较大安全事故", median: 2, key: "安全"},
	{name: "{u}{y}年疫情防控经费", purpose: "购置防疫物资，落实疫情防控措施", output: "防疫物资储备充足", effect: "疫情防控平稳有序", median: 10, from: 2020, to: 2022, key: "疫情"},
	{name: "{u}{y}年厕所革命奖补资金", purpose: "对完成改厕的农户给予奖补", output: "改厕奖补资金发放到户", effect: "农村卫生条件明显改善", median: 5, key: "厕所"},
}

// departments and their projects. {c} is the county, written or not.
var departments = []department{
	{name: "农业农村局", kind: kindBureau, projects: []project{
		{name: "{c}{y}年高标准农田建设[项目]", purpose: "建设高标准农田，完善田间灌排设施", output: "完成高标准农田建设任务，工程验收合格", effect: "粮食综合生产能力提高", median: 900, key: "农田"},
		{name: "{y}年耕地地力保护补贴", purpose: "发放耕地地力保护补贴", output: "补贴资金足额发放到户", effect: "种粮农户收入稳定", median: 2000, key: "地力"},
		{name: "{y}年农机购置补贴[项目]", purpose: "补贴农户购置农业机械", output: "农机购置补贴兑付到位", effect: "农业机械化水平提高", median: 300, key: "农机"},
		{name: "{y}年动物防疫补助经费", purpose: "开展重大动物疫病强制免疫", output: "应免畜禽免疫密度达到90%以上", effect: "未发生区域性重大动物疫情", median: 60, key: "防疫"},
		{name: "{y}年农村人居环境整治[项目]", purpose: "推进农村人居环境整治", output: "完成村庄清洁行动任务", effect: "村容村貌明显改善", median: 150, key: "人居"},
		{name: "{y}年农作物病虫害防治[项目]", purpose: "开展农作物病虫害统防统治", output: "统防统治覆盖率达到40%以上", effect: "病虫危害损失率控制在5%以内", median: 40, key: "病虫害"},
		{name: "{y}年基层农技推广体系建设[项目]", purpose: "建设农业科技示范基地，培训农技人员", output: "完成农技人员培训任务", effect: "主推技术到位率提高", median: 30, key: "农技"},
		{name: "{y}年农业保险保费补贴", purpose: "补贴农业保险保费", output: "保费补贴及时拨付", effect: "农户受灾损失得到补偿", median: 200, key: "保险"},
	}},
	{name: "水利局", kind: kindBureau, projects: []project{
		{name: "{y}年小型水库安全运行管护经费", purpose: "管护小型水库，保障水库安全运行", output: "小型水库管护全覆盖", effect: "汛期水库安全度汛", median: 40, key: "水库"},
		{name: "{y}年农村饮水安全工程维修养护[项目]", purpose: "维修养护农村饮水工程", output: "供水保证率达到95%以上", effect: "群众饮水安全得到保障", median: 120, key: "饮水"},
		{name: "{y}年防汛抗旱经费", purpose: "购置防汛物资，开展防汛演练", output: "防汛物资储备到位", effect: "汛期未发生人员伤亡", median: 30, key: "防汛"},
		{name: "{y}年河长制工作经费", purpose: "开展河湖巡查和清四乱", output: "河湖巡查全覆盖", effect: "河湖水质改善", median: 20, key: "河长"},
		{name: "{y}年水土保持[项目]", purpose: "治理水土流失", output: "完成水土流失治理面积", effect: "水土流失得到控制", median: 150, key: "水保"},
	}},
	{name: "卫生健康局", kind: kindBureau, projects: []project{
		{name: "{y}年基本公共卫生服务[项目]", purpose: "为城乡居民提供基本公共卫生服务", output: "居民电子健康档案建档率达到90%以上", effect: "居民健康水平提高", median: 800, key: "公卫"},
		{name: "{y}年计划生育家庭奖励扶助资金", purpose: "发放计划生育家庭奖励扶助金", output: "奖励扶助资金足额发放", effect: "计划生育家庭满意度高", median: 200, key: "计生"},
		{name: "{y}年乡镇卫生院医疗设备购置[项目]", purpose: "为乡镇卫生院购置医疗设备", output: "医疗设备按期购置到位", effect: "基层诊疗能力提高", median: 100, key: "设备"},
		{name: "{y}年村卫生室补助经费", purpose: "补助村卫生室运行", output: "村卫生室补助发放到位", effect: "群众就医便利", median: 60, key: "卫生室"},
	}},
	{name: "民政局", kind: kindBureau, projects: []project{
		{name: "{y}年城乡最低生活保障资金", purpose: "发放城乡低保金", output: "低保金按月足额发放", effect: "困难群众基本生活得到保障", median: 1500, key: "低保"},
		{name: "{y}年特困人员救助供养资金", purpose: "发放特困人员供养金", output: "特困人员应保尽保", effect: "特困人员基本生活得到保障", median: 400, key: "特困"},
		{name: "{y}年困难残疾人生活补贴和重度残疾人护理补贴", purpose: "发放残疾人两项补贴", output: "两项补贴按月足额发放", effect: "残疾人生活质量提高", median: 150, key: "残疾"},
		{name: "{y}年临时救助资金", purpose: "救助遭遇突发困难的群众", output: "临时救助资金及时发放", effect: "困难群众基本生活得到保障", median: 80, key: "救助"},
	}},
	{name: "退役军人事务局", kind: kindBureau, projects: []project{
		{name: "{y}年优抚对象抚恤补助资金", purpose: "发放优抚对象抚恤补助", output: "抚恤补助足额兑现率100%", effect: "优抚对象满意度高", median: 300, key: "优抚"},
		{name: "{y}年退役士兵安置经费", purpose: "安置退役士兵", output: "退役士兵安置率100%", effect: "退役士兵满意度高", median: 100, key: "安置"},
		{name: "{y}年光荣院运行经费", purpose: "保障光荣院日常运行", output: "光荣院正常运行", effect: "集中供养对象满意度高", median: 30, key: "光荣院"},
	}},
	{name: "应急管理局", kind: kindBureau, projects: []project{
		{name: "{y}年森林防火物资采购[项目]", purpose: "采购森林防火物资", output: "防火物资按期采购到位", effect: "全年未发生重大森林火灾", median: 50, key: "防火"},
		{name: "{y}年安全生产监管执法经费", purpose: "开展安全生产执法检查", output: "执法检查计划完成率100%", effect: "全年未发生较大安全事故", median: 20, key: "执法"},
		{name: "{y}年抢险救灾资金", purpose: "开展抢险救灾，安置受灾群众", output: "受灾群众得到及时救助", effect: "受灾群众基本生活得到保障", median: 100, key: "救灾"},
	}},
	{name: "乡村振兴局", kind: kindBureau, projects: []project{
		{name: "{y}年中央财政衔接推进乡村振兴补助资金", purpose: "支持脱贫地区产业发展", output: "衔接资金项目按期完工", effect: "脱贫群众稳定增收", median: 2000, from: 2021, key: "衔接"},
		{name: "{y}年小额信贷贴息资金", purpose: "对脱贫户小额信贷贴息", output: "贴息资金及时拨付", effect: "脱贫户发展生产积极性提高", median: 60, key: "贴息"},
		{name: "{y}年雨露计划补助资金", purpose: "资助脱贫家庭子女接受职业教育", output: "雨露计划补助按时发放", effect: "脱贫家庭子女顺利完成学业", median: 80, key: "雨露"},
		{name: "{y}年防止返贫监测帮扶资金", purpose: "对监测对象落实帮扶措施", output: "监测对象帮扶措施落实率100%", effect: "未发生规模性返贫", median: 120, from: 2021, key: "返贫"},
	}},
	{name: "疾病预防控制中心", kind: kindCentre, projects: []project{
		{name: "{y}年重大传染病防控经费", purpose: "开展重大传染病监测和防控", output: "传染病报告及时率100%", effect: "未发生重大传染病疫情", median: 50, key: "传染病"},
		{name: "{y}年免疫规划[项目]", purpose: "开展国家免疫规划疫苗接种", output: "适龄儿童免疫规划疫苗接种率达到90%以上", effect: "疫苗针对传染病发病率下降", median: 40, key: "免疫"},
		{name: "{y}年慢性病防控[项目]", purpose: "开展慢性病筛查和健康教育", output: "慢性病患者规范管理率达到60%以上", effect: "居民健康素养水平提高", median: 20, key: "慢病"},
	}},
	{name: "农业技术推广中心", kind: kindCentre, projects: []project{
		{name: "{y}年绿色高质高效行动[项目]", purpose: "建设绿色高质高效示范片", output: "示范片建设任务完成", effect: "示范区单产提高", median: 80, key: "高效"},
		{name: "{y}年耕地质量监测[项目]", purpose: "开展耕地质量监测", output: "监测点位全覆盖", effect: "耕地质量稳中有升", median: 15, key: "耕地"},
		{name: "{y}年测土配方施肥[项目]", purpose: "推广测土配方施肥技术", output: "测土配方施肥覆盖率达到90%以上", effect: "化肥使用量减少", median: 25, key: "施肥"},
	}},
	{name: "融媒体中心", kind: kindCentre, projects: []project{
		{name: "{y}年应急广播体系建设[项目]", purpose: "建设县级应急广播平台", output: "应急广播覆盖全部行政村", effect: "应急信息传达及时", median: 120, key: "广播"},
		{name: "{y}年新闻宣传经费", purpose: "开展新闻宣传报道", output: "全年完成新闻报道任务", effect: "社会公众满意度高", median: 40, key: "宣传"},
	}},
}

// Generic phrases of the evaluation entries (立项, 资金落实, 业务管理).
var (
	lixiangTexts = []string{
		"项目的申请、设立过程符合相关要求，设定的绩效目标合理，绩效指标细化、明确、清晰、可衡量。",
		"项目立项依据充分，程序规范，绩效目标明确。",
		"项目按规定程序申报、审批，绩效目标与实际工作内容相关。",
	}
	zijinTexts = []string{
		"资金落实到位情况良好。",
		"资金及时足额落实到位。",
		"资金拨付及时，专款专用。",
	}
	guanliTexts = []string{
		"管理制度健全、制度执行有效、项目质量可控。",
		"严格执行项目管理和财务管理制度，项目质量可控。",
		"建立了项目管理台账，管理规范。",
	}
)

// Preamble and closing paragraphs of narrative reports.
var (
	introTexts = []string{
		"我单位对{y}年度所有县级以上级次专项资金开展绩效评价。现将评价情况做如下报告：",
		"根据县财政局关于开展{y}年度项目支出绩效自评工作的通知要求，我单位对{y}年度专项资金开展了绩效自评，现将有关情况报告如下：",
		"按照预算绩效管理工作要求，{self}对{y}年度项目支出开展了绩效自评，现将自评情况报告如下：",
	}
	experienceTexts = []string{
		"为做好专项实施的跟踪检查工作。我单位定期不定期地对专项资金实施情况和经费使用情况进行跟踪检查，对能实现预期绩效目标的项目予以充分肯定，对进展缓慢，预期绩效目标较差的项目，及时进行协调和提出整改措施，确保专项资金使用达到预期绩效目标。",
		"成立了绩效自评工作领导小组，明确分工，逐项核对项目资料，对照绩效目标开展自评，确保自评结果真实、准确。",
	}
	organiseTexts = []string{
		"在县财政局和各项目相关部门的指导下，{y}年{self}所有项目的日常管理工作均按照我单位相关管理制度执行，建立了工作有计划、实施有方案、日常有监督的管理机制",
		"{y}年{self}严格按照专项资金管理办法组织项目实施，项目资金实行专账核算、专款专用",
	}
	qualityTexts = []string{
		"通过绩效自评结果对比倒查的年初绩效目标设定质量情况，可以反应出我单位绩效目标设定清晰准确，绩效指标全面完整、科学合理，绩效标准恰当适宜、易于评价。",
		"年初设定的绩效目标与项目实际相符，绩效指标清晰、可衡量。",
	}
	rectifyTexts = []string{
		"在下一步工作中，我单位将把自评结果应用作为全过程预算绩效管理落脚点，及时整理、归纳、分析、反馈绩效自评结果，并将其作为改进预算管理和以后年度预算安排的重要依据。",
		"针对自评中发现的问题，我单位将进一步加强项目管理，加快资金拨付进度，提高资金使用效益。",
	}
	rectifyPoints = []string{
		"进一步健全专项资金管理及内部控制制度，创新管理手段，用新思路、新方法，改进完善财务管理方法。",
		"按照财政支出绩效管理的要求，建立科学的财政资金效益考评制度体系，不断提高财政资金使用管理的水平和效率。",
		"加强项目前期论证，提高预算编制的准确性。",
	}
)

// Stray lines seen at the top of converted reports.
var strayLines = []string{"1. 衡", "附件1", "附件：", "- 1 -", "公开"}
