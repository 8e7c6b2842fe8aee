package ocr

import "testing"

func TestListMarker(t *testing.T) {
	for in, want := range map[string]string{"1，南屯镇": "1.南屯镇", "12。项目": "12.项目", "1,2": "1,2", "123，": "123，", "9，": "9.", "南屯": "南屯", "21.，南屯镇": "21.南屯镇", "3.5万元": "3.5万元", "2.": "2."} {
		if got := listMarker(in); got != want {
			t.Errorf("listMarker(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseTSVJoins(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t11\t1\t1\t1\t1000\t2580\t300\t32\t95.5\t预算金额\n" +
		"5\t1\t11\t1\t1\t2\t1320\t2580\t28\t32\t72.071533\t35\n" +
		"5\t1\t11\t1\t1\t3\t1367\t2580\t57\t32\t72.071533\t.97\n" +
		"5\t1\t11\t1\t1\t4\t1430\t2580\t60\t32\t90\t万元\n" +
		"5\t1\t12\t1\t1\t1\t1800\t2582\t40\t32\t60\t24\n" +
		"5\t1\t11\t1\t2\t1\t1000\t2640\t30\t32\t91\t1\n" +
		"5\t1\t11\t1\t2\t2\t1035\t2640\t30\t32\t91\t，\n" +
		"5\t1\t11\t1\t2\t3\t1070\t2640\t30\t32\t91\t南屯镇\n"
	pages := ParseTSV([]byte(tsv))
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	p := pages[0]
	if want := "预算金额35.97万元\t24\n1.南屯镇"; p.Text != want {
		t.Errorf("text %q, want %q", p.Text, want)
	}
	if c, ok := SpanConfidence(p.Text, p.Words, 0, len("预算金额35.97万元")); !ok || c != 72 {
		t.Errorf("confidence of the figure = %d %v, want 72 (its least sure digit)", c, ok)
	}
	if _, ok := SpanConfidence(p.Text, p.Words, len(p.Text), len(p.Text)+1); ok {
		t.Error("confidence past the text")
	}
}

// TestMergeNumbers: the second reading's figure replaces the first's where
// it is surer, takes in a piece of it the first read apart, and never
// swallows a neighbouring figure or a Chinese word.
func TestMergeNumbers(t *testing.T) {
	head := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
	chi := head +
		"5\t1\t1\t1\t1\t1\t1000\t757\t60\t32\t90\t金\n" +
		"5\t1\t1\t1\t1\t2\t1070\t757\t45\t32\t70\t76\n" +
		"5\t1\t1\t1\t1\t3\t1438\t757\t94\t32\t80\t54.\n" +
		"5\t1\t1\t1\t1\t4\t1526\t757\t17\t32\t95\t2\n" +
		"5\t1\t1\t1\t1\t5\t1580\t757\t60\t32\t92\t32.4\n" +
		"5\t1\t1\t1\t1\t6\t1660\t757\t80\t32\t90\t31.69\n"
	eng := head +
		"5\t1\t1\t1\t1\t1\t1000\t757\t60\t32\t99\t4\n" + // over a Chinese word: not taken
		"5\t1\t1\t1\t1\t2\t1070\t757\t45\t32\t95\t70\n" +
		"5\t1\t1\t1\t1\t3\t1438\t757\t94\t32\t93\t54.2\n" +
		"5\t1\t1\t1\t1\t4\t1580\t757\t95\t32\t93\t32.4\n"
	pages := ParseTSVNumbers([]byte(chi), []byte(eng))
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	if want := "金70\t54.2 32.4 31.69"; pages[0].Text != want {
		t.Errorf("text %q, want %q", pages[0].Text, want)
	}
}
