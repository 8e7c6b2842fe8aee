package corpus

import (
	"context"
	"fmt"
	"github.com/jixiao/jixiao/extract"
	"strings"
)

// Check runs SQLite's integrity and foreign key checks and verifies that
// every report's summary columns agree with its item and finding rows.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	var msgs []string
	for rows.Next() {
		var m string
		rows.Scan(&m)
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	if len(msgs) > 0 {
		return fmt.Errorf("语料库损坏 (integrity_check): %s", strings.Join(msgs, "; "))
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("语料库损坏: %d 条外键错误 (foreign_key_check)", n)
	}
	var bad string
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(group_concat(id), '') FROM reports r
		WHERE item_count != (SELECT COUNT(*) FROM items i WHERE i.report_id = r.id)
		   OR errors + warnings + infos != (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id)
		   OR NOT EXISTS (SELECT 1 FROM report_data d WHERE d.report_id = r.id)
		   OR r.part = 1 AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.report_id = r.id)
		   OR r.part > 1 AND NOT EXISTS (SELECT 1 FROM reports f WHERE f.sha256 = r.sha256 AND f.part = 1)`).Scan(&bad)
	if err != nil {
		return err
	}
	if bad != "" {
		return fmt.Errorf("语料库不一致: 报告 %s 的项目或问题记录不全", bad)
	}
	// the stored report itself lists as many items as were written as rows
	err = s.scanRows(ctx, `SELECT r.id, r.item_count, d.report FROM reports r JOIN report_data d ON d.report_id = r.id`,
		func(scan func(...any) error) error {
			var id string
			var n int
			var data []byte
			if err := scan(&id, &n, &data); err != nil {
				return err
			}
			var rep extract.Report
			if err := inflateJSON(data, &rep); err != nil {
				return fmt.Errorf("报告 %s: %w", id, err)
			}
			if len(rep.Items) != n {
				return fmt.Errorf("语料库不一致: 报告 %s 列出 %d 项，项目表有 %d 行", id, len(rep.Items), n)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(group_concat(path), '') FROM ledger
		WHERE status != 'failed' AND report_id NOT IN (SELECT id FROM reports)`).Scan(&bad); err != nil {
		return err
	}
	if bad != "" {
		return fmt.Errorf("语料库不一致: 台账指向不存在的报告: %s", bad)
	}
	return nil
}
