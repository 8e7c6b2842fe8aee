package synth

import (
	"fmt"
	"math"
	"strings"
)

// unit is a township, 乡, 街道 or county department, with the catalogue of
// projects it reports on year after year.
type unit struct {
	index   int
	name    string // as titles write it: 南屯镇, 易县城关街道办事处, 易县农业农村局
	prefix  string // what project names start with: 南屯镇, 城关街道 ("" for departments)
	formal  string // 实施单位 of tables: 南屯镇人民政府
	county  string
	kind    unitKind
	self    string // 我镇, 我乡, 我街道, 我局, 我中心
	whole   string // 全镇 …
	size    int    // usual number of listed items
	entries []entry
}

// entry is one project of a unit's catalogue with the details fixed for the
// unit (level, village, how precisely its amounts are written).
type entry struct {
	key        string // stable across years: u0003-p07
	proj       *project
	lvl        string
	village    string
	highway    string
	months     int
	villages   int
	county     bool // {c} written
	yearOffset int  // 0, or -1/-2 for a project funded in an earlier year
	suffix     bool // the optional 项目 suffix, usually
	nianDu     bool // 2023年度 rather than 2023年, usually
	baseFen    int64
	fixed      bool  // the same amount every year
	precFen    int64 // amounts are multiples of this (fen; 1 万元 = 1e6 fen)
	prob       float64
	from, to   int
}

const fenPerWan = 1_000_000

// buildUnits makes the first n units; unit k depends only on the seed and k.
func buildUnits(seed int64, n int) []*unit {
	list := newRNG(seed, streamUnitList, 0)
	used := map[string]bool{}
	units := make([]*unit, 0, n)
	for k := 0; k < n; k++ {
		var u *unit
		for try := 0; ; try++ {
			u = drawUnit(list, k, try > 50)
			if !used[u.name] {
				break
			}
		}
		used[u.name] = true
		fillCatalogue(u, newRNG(seed, streamUnit, k))
		units = append(units, u)
	}
	return units
}

func drawUnit(r rng, k int, numbered bool) *unit {
	u := &unit{index: k, county: pick(r, counties)}
	switch r.weighted(55, 20, 8, 12, 5) {
	case 0, 1:
		u.kind = kindTown
		suffix := "镇"
		if r.chance(20.0 / 75) {
			u.kind, suffix = kindTownship, "乡"
		}
		base := string(pick(r, townFirst)) + string(pick(r, townSecond))
		if numbered { // the name space is exhausted: 南屯二镇 style
			base += chineseNumber(k%9 + 2)
		}
		u.name, u.prefix = base+suffix, base+suffix
		u.formal = u.name + "人民政府"
		u.self, u.whole = "我"+suffix, "全"+suffix
	case 2:
		u.kind = kindStreet
		s := pick(r, streets)
		if numbered {
			s += chineseNumber(k%9 + 2)
		}
		u.name = u.county + s + "街道办事处"
		u.prefix = s + "街道"
		u.formal = u.name
		u.self, u.whole = "我街道", "全街道"
	default:
		want := kindBureau
		if r.chance(5.0 / 17) {
			want = kindCentre
		}
		var ds []*department
		for i := range departments {
			if departments[i].kind == want {
				ds = append(ds, &departments[i])
			}
		}
		d := pick(r, ds)
		u.kind = d.kind
		u.name = u.county + d.name
		if numbered {
			u.name = u.county + chineseNumber(k%9+2) + d.name
		}
		u.formal = u.name
		if d.kind == kindCentre {
			u.self, u.whole = "我中心", "本中心"
		} else {
			u.self, u.whole = "我局", "全局"
		}
	}
	return u
}

// departmentOf returns the department a department unit belongs to.
func departmentOf(u *unit) *department {
	for i := range departments {
		if strings.HasSuffix(u.name, departments[i].name) {
			return &departments[i]
		}
	}
	return nil
}

// genericDeptProjects are projects every department may have.
var genericDeptProjects = []project{
	{name: "{y}年信息化建设运维经费", purpose: "保障业务信息系统正常运行", output: "信息系统全年正常运行", effect: "工作效率提高", median: 15, key: "信息化"},
	{name: "{y}年档案数字化[项目]", purpose: "完成历史档案数字化加工", output: "完成档案数字化任务", effect: "档案利用效率提高", median: 12, key: "档案"},
	{name: "{y}年政府购买服务[项目]", purpose: "购买专业技术服务", output: "服务按合同完成", effect: "服务对象满意度高", median: 30, key: "购买服务"},
	{name: "{y}年业务培训经费", purpose: "开展业务培训，提高干部业务能力", output: "完成年度培训计划", effect: "干部业务能力提高", median: 5, key: "培训"},
	{name: "{y}年办公楼维修改造[项目]", purpose: "维修改造办公楼", output: "维修工程验收合格", effect: "办公条件改善", median: 40, key: "维修"},
	{name: "{y}年执法车辆购置[项目]", purpose: "购置执法车辆", output: "执法车辆按期购置到位", effect: "执法效率提高", median: 25, key: "车辆"},
	{name: "{y}年专项业务工作经费", purpose: "保障专项业务工作开展", output: "专项业务工作按计划完成", effect: "社会公众满意度高", median: 20, key: "业务"},
	{name: "{y}年宣传经费", purpose: "开展政策宣传", output: "完成宣传任务", effect: "群众政策知晓率提高", median: 6, key: "宣传"},
	{name: "{y}年安全生产专项经费", purpose: "开展安全生产检查", output: "安全隐患整改率100%", effect: "全年未发生安全事故", median: 3, key: "安全"},
	{name: "{y}年党建工作经费", purpose: "开展党建活动", output: "党建活动按计划开展", effect: "党员干部素质提高", median: 4, key: "党建"},
}

// fillCatalogue gives a unit its projects: most recur every year, some
// appear now and then; a few are doubled (省级 and 县级 驻村工作队经费, this
// year's and last year's 选调生 money, several villages).
func fillCatalogue(u *unit, r rng) {
	var pool []*project
	if d := departmentOf(u); d != nil && u.kind >= kindBureau {
		for i := range d.projects {
			pool = append(pool, &d.projects[i])
		}
		for i := range genericDeptProjects {
			pool = append(pool, &genericDeptProjects[i])
		}
		u.size = r.between(6, len(pool))
	} else {
		for i := range townProjects {
			pool = append(pool, &townProjects[i])
		}
		u.size = r.between(6, 38)
	}
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	// a core of projects that recur nearly every year, and a few occasional ones
	pool = pool[:min(len(pool), u.size*5/4+3)]
	core := u.size * 3 / 4
	villages := map[string]bool{}
	add := func(p *project) *entry {
		e := entry{proj: p, suffix: r.chance(0.6), nianDu: r.chance(0.15), county: r.chance(0.4), from: p.from, to: p.to}
		if strings.Contains(p.name, "{lvl}") {
			e.lvl = pick(r, levels)
		}
		if strings.Contains(p.name, "{v}") {
			for {
				e.village = villageName(r)
				if !villages[e.village] {
					villages[e.village] = true
					break
				}
			}
		}
		e.highway = pick(r, highways)
		e.months = pick(r, []int{6, 8, 10, 12})
		e.villages = r.between(8, 300)
		e.fixed = r.chance(0.35)
		if len(u.entries) < core {
			e.prob = 0.85 + 0.15*r.Float64()
		} else {
			e.prob = 0.2 + 0.4*r.Float64()
		}
		if r.chance(0.1) { // a project of a few years only
			start := r.between(2015, 2024)
			e.from, e.to = max(e.from, start), start+r.between(1, 4)
			if p.to != 0 {
				e.to = min(e.to, p.to)
			}
		}
		median := p.median
		if u.kind == kindStreet {
			median *= 1.5
		}
		v := r.logUniform(median, 3)
		switch r.weighted(35, 20, 20, 17, 8) {
		case 0:
			e.precFen = fenPerWan // whole 万元
			if v < 3 {
				e.precFen = fenPerWan / 100
			}
		case 1:
			e.precFen = fenPerWan / 10
		case 2:
			e.precFen = fenPerWan / 100
		case 3:
			e.precFen = 100 // whole 元
		default:
			e.precFen = 1 // 分
		}
		e.baseFen = roundFen(int64(math.Round(v*fenPerWan)), e.precFen)
		e.key = fmt.Sprintf("u%04d-p%02d", u.index, len(u.entries))
		u.entries = append(u.entries, e)
		return &u.entries[len(u.entries)-1]
	}
	for _, p := range pool {
		add(p)
		switch {
		case strings.Contains(p.name, "{lvl}") && r.chance(0.5):
			prev := u.entries[len(u.entries)-1].lvl
			e := add(p)
			for e.lvl == prev {
				e.lvl = pick(r, levels)
			}
			if r.chance(0.3) {
				e.yearOffset = -r.between(1, 2)
			}
		case strings.HasPrefix(p.name, "关于提前下达") && r.chance(0.5):
			add(p).yearOffset = -1
		case strings.Contains(p.name, "{v}") && r.chance(0.4):
			add(p)
		}
	}
}

// roundFen rounds v to a multiple of prec, never below one prec.
func roundFen(v, prec int64) int64 {
	v = (v + prec/2) / prec * prec
	if v < prec {
		v = prec
	}
	return v
}

func villageName(r rng) string {
	return string(pick(r, villageSurnames)) + pick(r, villageSuffixes) + "村"
}

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseNumber writes 1..99 as 一 … 九十九 (the numbering of sections).
func chineseNumber(n int) string {
	switch {
	case n < 10:
		return chineseDigits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(chineseDigits[n%10], "零")
	default:
		s := chineseDigits[n/10] + "十"
		if n%10 != 0 {
			s += chineseDigits[n%10]
		}
		return s
	}
}
