package corpus

import (
	"context"
	"database/sql"

	"github.com/shopspring/decimal"
)

// ReportFigures are the sums of one report's items: the budgets of the
// items that state one, the actuals of those that state one, and both over
// the items that state both (what its 执行率 is made of). Exact: the
// figures are added as decimals, never as floating point.
type ReportFigures struct {
	ID       string
	Unit     string
	Year     int
	Budget   decimal.Decimal // Σ budget of the items that state one
	Actual   decimal.Decimal // Σ actual of the items that state one
	Budgeted bool            // an item states a budget
	Executed bool            // an item states an actual
	// over the items that state both
	RateBudget, RateActual decimal.Decimal
	Rated                  bool
}

// Rate is the 执行率 in percent, Σ actual ÷ Σ budget over the items that
// state both, to two decimal places; ok is false when they have no budget
// above zero.
func (f ReportFigures) Rate() (decimal.Decimal, bool) {
	if !f.Rated || !f.RateBudget.IsPositive() {
		return decimal.Zero, false
	}
	return f.RateActual.Mul(decimal.NewFromInt(100)).DivRound(f.RateBudget, 2), true
}

// EachReportFigures calls fn with the ReportFigures of every report f
// selects that has items (Limit, Offset and Sort aside), by report id: one
// pass over the items, reading only their two figures.
func (s *Store) EachReportFigures(ctx context.Context, f Filter, fn func(ReportFigures) error) error {
	f.Sort, f.Limit, f.Offset = SortDefault, 0, 0
	where, args, err := f.where()
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.unit, r.year, i.budget_wan, i.actual_wan
		FROM items i JOIN reports r ON r.id = i.report_id`+where+` ORDER BY i.report_id, i.ord`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var cur ReportFigures
	var b, a fixedSum
	var rb, ra fixedSum
	flush := func() error {
		if cur.ID == "" {
			return nil
		}
		cur.Budget, cur.Actual, cur.RateBudget, cur.RateActual = b.value(), a.value(), rb.value(), ra.value()
		return fn(cur)
	}
	for rows.Next() {
		var id, unit string
		var year int
		var bs, as sql.NullString
		if err := rows.Scan(&id, &unit, &year, &bs, &as); err != nil {
			return err
		}
		if id != cur.ID {
			if err := flush(); err != nil {
				return err
			}
			cur = ReportFigures{ID: id, Unit: unit, Year: year}
			b, a, rb, ra = fixedSum{}, fixedSum{}, fixedSum{}, fixedSum{}
		}
		if bs.Valid {
			if err := b.add(bs.String); err != nil {
				return err
			}
			cur.Budgeted = true
		}
		if as.Valid {
			if err := a.add(as.String); err != nil {
				return err
			}
			cur.Executed = true
		}
		if bs.Valid && as.Valid {
			if err := rb.add(bs.String); err != nil {
				return err
			}
			if err := ra.add(as.String); err != nil {
				return err
			}
			cur.Rated = true
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

// fixedSum adds decimal strings exactly: in millionths of a unit as an
// int64 while every figure fits (six decimals at most, as 万元 figures are
// written), else as decimal.Decimal.
type fixedSum struct {
	micro int64
	slow  *decimal.Decimal // once a figure does not fit
}

// maxMicro bounds the fast sum well inside int64.
const maxMicro = 1 << 60

func (s *fixedSum) add(str string) error {
	if s.slow == nil {
		if v, ok := parseMicro(str); ok && v < maxMicro && v > -maxMicro && s.micro+v < maxMicro && s.micro+v > -maxMicro {
			s.micro += v
			return nil
		}
		d := decimal.New(s.micro, -6)
		s.slow = &d
	}
	d, err := decimal.NewFromString(str)
	if err != nil {
		return err
	}
	*s.slow = s.slow.Add(d)
	return nil
}

func (s *fixedSum) value() decimal.Decimal {
	if s.slow != nil {
		return *s.slow
	}
	return decimal.New(s.micro, -6)
}

// parseMicro reads a plain decimal string ("-12.5", "937.131003") as
// millionths; ok is false for anything else (an exponent, more than six
// decimals, more than 15 integer digits).
func parseMicro(s string) (int64, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	var v int64
	digits, frac, dot := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			if dot {
				frac++
				if frac > 6 {
					return 0, false
				}
			} else if digits++; digits > 15 {
				return 0, false
			}
			v = v*10 + int64(c-'0')
		default:
			return 0, false
		}
	}
	if digits == 0 && frac == 0 {
		return 0, false
	}
	for ; frac < 6; frac++ {
		v *= 10
	}
	if neg {
		v = -v
	}
	return v, true
}
