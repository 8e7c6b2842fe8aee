package synth

import (
	"fmt"
	"slices"
)

// Formats the generator writes, by the names Options.Formats takes.
var Formats = []string{"md", "txt", "gb18030", "utf16", "html", "docx"}

// formatWeights are the shares of the formats when all are asked for.
var formatWeights = map[string]float64{"md": 20, "txt": 20, "gb18030": 15, "utf16": 10, "html": 20, "docx": 15}

// Options control generation. The zero value gives the defaults.
type Options struct {
	Seed int64
	// Formats to write (names of Formats); empty means all.
	Formats []string
	// TableShare is the share of project-table reports: 0 means the default
	// 0.15, a negative value means none.
	TableShare float64
	// PlantShare is the share of reports with planted inconsistencies: 0 means
	// the default 0.35, a negative value means none (every report consistent).
	PlantShare float64
	// MinItems and MaxItems bound the listed items of a narrative report
	// (defaults 5 and 40); a unit with fewer projects lists what it has.
	MinItems, MaxItems int
}

const (
	defaultTableShare = 0.15
	defaultPlantShare = 0.35
	firstYear         = 2015
	lastYear          = 2025
	yearsPerUnit      = lastYear - firstYear + 1
)

// resolved returns the options with defaults filled in, or an error naming
// what is wrong.
func (o Options) resolved() (Options, error) {
	if len(o.Formats) == 0 {
		o.Formats = Formats
	}
	for _, f := range o.Formats {
		if !slices.Contains(Formats, f) {
			return o, fmt.Errorf("synth: unknown format %q (known: %v)", f, Formats)
		}
	}
	switch {
	case o.TableShare == 0:
		o.TableShare = defaultTableShare
	case o.TableShare < 0:
		o.TableShare = 0
	case o.TableShare > 1:
		return o, fmt.Errorf("synth: TableShare %v is not a share", o.TableShare)
	}
	switch {
	case o.PlantShare == 0:
		o.PlantShare = defaultPlantShare
	case o.PlantShare < 0:
		o.PlantShare = 0
	case o.PlantShare > 1:
		return o, fmt.Errorf("synth: PlantShare %v is not a share", o.PlantShare)
	}
	if o.MinItems == 0 {
		o.MinItems = 5
	}
	if o.MaxItems == 0 {
		o.MaxItems = 40
	}
	if o.MinItems < 3 || o.MaxItems < o.MinItems || o.MaxItems > 99 {
		return o, fmt.Errorf("synth: items %d..%d out of range (3..99)", o.MinItems, o.MaxItems)
	}
	return o, nil
}
