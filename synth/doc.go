// Package synth generates realistic synthetic performance self-evaluation
// reports (绩效自评报告 and 项目支出绩效自评表) with their ground truth, for
// tests (a few hundred reports) and benchmarks (ten thousand). Output is
// deterministic for a seed.
//
//	truths, err := synth.Generate(dir, n, synth.Options{Seed: 1})
//	truths, err := synth.ReadTruth(filepath.Join(dir, "truth.jsonl"))
//
// Report i is written by unit i/11 for year 2015+i%11: townships (镇, 乡,
// 街道办事处) of several counties and county departments (局, 中心). A unit
// lists much the same projects every year under the same TruthItem.Key, the
// wording changing a little (the year, 项目 dropped or added, 年/年度); the
// key's prefix (u0003) names the unit. Truth.Unit is the unit as the title
// writes it (南屯镇) for narratives and the 实施单位 cell (南屯镇人民政府) for
// tables.
// Narratives imitate the reference report (南屯镇 2023) and its genre by other
// hands: numbering 1. / 1、 / （一） / 一、, 预算金额/预算资金/下达资金,
// 实际拨付/实际支付/实际支出, 未拨付/未支出, 共计 N 个项目 (and the typo
// 共计 N 各项目), amounts in 万元 with 0–6 decimals or in 元 with thousands
// separators, full-width digits, stray spaces, lines broken inside words
// across blank lines, page numbers and stray header lines, Markdown headings
// and bold; evaluation entries worded a little differently from the list and
// numbered on their own. Formats: md, txt (UTF-8, some with a BOM), gb18030
// and utf16 (.txt, CRLF), html (a portal page, the article in
// div.TRS_Editor), docx (paragraphs and w:tbl tables).
//
// # Consistent
//
// A report whose Truth.Planted is empty is consistent in this exact sense.
//
// Narrative:
//   - the stated total (项目概况 sentence) equals the sum of the listed items'
//     budgets exactly, as decimals in 万元; it is written with every decimal
//     needed, never rounded;
//   - the stated count equals the sum of Subprojects (N for 共计 N 个项目 or
//     共计 N 各项目, else 1), and every mention of the count (…N 个专项工作中,
//     …年度 N 个项目中) says the same;
//   - every item is DisbursedFull (an actual figure equal to the budget, maybe
//     in another unit or precision: 24 万元 / 240,000 元) or DisbursedUnknown
//     (no actual, no 未拨付); none is partial, none, or above its budget;
//   - the evaluation section has exactly one entry per listed item, in list
//     order, each with all five dimensions (项目立项, 资金落实, 业务管理, 项目产出,
//     项目效益), and no entry for anything not listed; an entry's heading is
//     the listed name or a variant of it whose nearest listed name by
//     character-bigram Dice is its own, by a margin of at least 0.1;
//   - a completion claim (全部按预算实施验收完毕, 全部按预算实施完毕并验收合格,
//     均已全部按预算实施完毕) may or may not be present (Truth.Claim).
//
// Project table:
//   - 年度资金总额 equals the sum of its component rows (blank = 0) in every
//     amount column;
//   - 全年执行数 equals 全年预算数 (执行率 100%);
//   - 执行率 equals 100 × 执行数 ÷ 预算数 rounded to the decimals written, and
//     the fund row's 得分 equals 分值 × 执行率 ÷ 100 rounded to its decimals,
//     whether the rate is taken as written or exactly;
//   - the total score (总分/合计) equals the fund row's 得分 plus the
//     indicators' 得分.
//
// # Planted
//
// With the defaults, 15% of reports are tables and 35% of reports carry 1–3
// planted rules. Shares of narratives (10,000 reports, seed 1): not-disbursed
// 10.4%, total-mismatch 8.7% (and rounding 2.1%), underspent 6.9%,
// count-mismatch 6.4%, missing-dimension 6.3%, unmatched-item 6.2%,
// actual-exceeds-budget 3.7%, claim-contradicted 3.7%; of tables: underspent
// 16.8%, rate-mismatch 12.6%, composition-mismatch 11.9%, score-mismatch
// 11.0%. Narratives list 5–40 items, 20 on average. Each plant is recorded
// with the rule id of DESIGN.md's catalogue and the severity validate should
// give it (the catalogue's; a rounding difference is total-mismatch at info):
//   - total-mismatch: |stated − Σ budgets| exceeds twice the sum of the
//     half-ulps of the stated total and of every budget, half-ulps by the
//     decimals written (Plant.Stated, Plant.Computed);
//   - rounding (total-mismatch, severity info): the stated total is Σ budgets
//     rounded to 0.01 万元, 0 < |difference| < 0.005;
//   - count-mismatch: the stated count differs from Σ Subprojects by 1–6;
//   - underspent / actual-exceeds-budget: 0 < actual < budget, or actual >
//     budget, by more than 2 × the two half-ulps (Plant.Items);
//   - not-disbursed: 预算… 万元，未拨付 (or 资金未拨付, 未支出), no actual figure:
//     ActualWan "", DisbursedNone; not also planted as underspent;
//   - claim-contradicted: a claim and at least one 未拨付 item (Items: all of
//     them); a report with a claim never has partial or exceeding items;
//   - missing-dimension: the entries of Items lack 产出 and/or 效益
//     (TruthItem.Dimensions says which); at least two other entries are complete;
//   - unmatched-item: listed items without an evaluation entry (Items, their
//     Evaluation is ""), and/or an entry for a project not listed (Detail: its
//     heading; bigram Dice ≤ 0.55 to every listed name);
//   - tables: underspent (执行数 < 预算数, Items [1]); rate-mismatch (the written
//     rate off by 1–9 points, chosen so that the score reads the same from the
//     written rate and the exact ratio); score-mismatch (the fund row's 得分 off
//     by 1–3, Detail the row label, or the total off by 1–5, Detail "总分");
//     composition-mismatch (the first component row off in the budget or
//     executed column, Detail the column head).
//
// # Names
//
// Truth names (items, evaluation headings, titles) are normalised by
// NormalizeName: all white space removed and full-width digits and letters
// folded. The generator writes spaces in names only between a Han character
// and an ASCII letter or digit (南屯镇 2023 年), and no full-width characters
// in names; the name of an item is the text between its number and the first
// colon (：or :) of its line, Markdown markup aside. Amounts in the truth are
// decimal strings in 万元 without trailing zeros.
package synth
