package fold

import "golang.org/x/text/unicode/norm"

// CJK fonts often give the glyph of an ideograph that doubles as a radical
// (用, 长, 门 …) the code point of the radical in their cmap, and PDF
// producers copy that into ToUnicode: the text then reads ⽤, ⻓, ⻔. Readers
// expect the ordinary ideographs, so radicals fold, whatever format they came
// in. The ideograph is then read as simplified like any other (⻑ → 長 → 长).

// supplementRadicals maps the CJK Radicals Supplement (U+2E80–U+2EF3) to the
// ideograph each form stands for, after the radical's Unicode name (⺯ SILK
// is 糸, ⺰ C-SIMPLIFIED SILK is 纟); Unicode gives decompositions for two only.
var supplementRadicals = map[rune]rune{
	0x2E80: '丶', 0x2E81: '厂', 0x2E82: '乛', 0x2E83: '乚', 0x2E84: '乙', 0x2E85: '亻', 0x2E86: '冂', 0x2E87: '几',
	0x2E88: '刀', 0x2E89: '刂', 0x2E8A: '卜', 0x2E8B: '㔾', 0x2E8C: '小', 0x2E8D: '小', 0x2E8E: '兀',
	0x2E8F: '尣', 0x2E90: '尢', 0x2E91: '𡯂', 0x2E92: '巳', 0x2E93: '幺', 0x2E94: '彑', 0x2E95: '彐',
	0x2E96: '忄', 0x2E97: '心', 0x2E98: '扌', 0x2E99: '攵', 0x2E9B: '旡', 0x2E9C: '日', 0x2E9D: '月',
	0x2E9E: '歺', 0x2E9F: '母', 0x2EA0: '民', 0x2EA1: '氵', 0x2EA2: '氺', 0x2EA3: '灬', 0x2EA4: '爫',
	0x2EA5: '爫', 0x2EA6: '丬', 0x2EA7: '牛', 0x2EA8: '犭', 0x2EA9: '王', 0x2EAA: '疋', 0x2EAB: '罒',
	0x2EAC: '示', 0x2EAD: '礻', 0x2EAE: '竹', 0x2EAF: '糸', 0x2EB0: '纟', 0x2EB1: '罓', 0x2EB2: '罒',
	0x2EB3: '㓁', 0x2EB4: '罓', 0x2EB5: '网', 0x2EB6: '羊', 0x2EB7: '羊', 0x2EB8: '𦍌', 0x2EB9: '耂',
	0x2EBA: '肀', 0x2EBB: '聿', 0x2EBC: '月', 0x2EBD: '臼', 0x2EBE: '艹', 0x2EBF: '艹', 0x2EC0: '艹',
	0x2EC1: '虎', 0x2EC2: '衤', 0x2EC3: '覀', 0x2EC4: '西', 0x2EC5: '见', 0x2EC6: '角', 0x2EC7: '角',
	0x2EC8: '讠', 0x2EC9: '贝', 0x2ECA: '足', 0x2ECB: '车', 0x2ECC: '辶', 0x2ECD: '辶', 0x2ECE: '辶',
	0x2ECF: '阝', 0x2ED0: '钅', 0x2ED1: '長', 0x2ED2: '镸', 0x2ED3: '长', 0x2ED4: '门', 0x2ED5: '阜',
	0x2ED6: '阝', 0x2ED7: '雨', 0x2ED8: '青', 0x2ED9: '韦', 0x2EDA: '页', 0x2EDB: '风', 0x2EDC: '飞',
	0x2EDD: '食', 0x2EDE: '𩙿', 0x2EDF: '飠', 0x2EE0: '饣', 0x2EE1: '首', 0x2EE2: '马', 0x2EE3: '骨',
	0x2EE4: '鬼', 0x2EE5: '鱼', 0x2EE6: '鸟', 0x2EE7: '卤', 0x2EE8: '麦', 0x2EE9: '黄', 0x2EEA: '黾',
	0x2EEB: '斉', 0x2EEC: '齐', 0x2EED: '歯', 0x2EEE: '齿', 0x2EEF: '竜', 0x2EF0: '龙', 0x2EF1: '龜',
	0x2EF2: '亀', 0x2EF3: '龟',
}

// radicals folds both radical blocks: the Kangxi Radicals (U+2F00–U+2FD5)
// through their Unicode compatibility decompositions, the supplement through
// the table above.
var radicals = func() map[rune]rune {
	m := make(map[rune]rune, 214+len(supplementRadicals))
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		if d := []rune(norm.NFKC.String(string(r))); len(d) == 1 && d[0] != r {
			m[r] = d[0]
		}
	}
	for k, v := range supplementRadicals {
		m[k] = v
	}
	return m
}()
