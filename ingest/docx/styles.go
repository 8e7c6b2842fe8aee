package docx

import (
	"encoding/xml"
	"io"
	"strconv"
)

// styles holds what reading needs from styles.xml: the numbering a
// paragraph style carries (Word's heading and list styles number their
// paragraphs this way), inherited along basedOn.
type styles struct {
	byID             map[string]*styleDef
	defaultParagraph string
}

type styleDef struct {
	basedOn string
	numID   string // "" when the style sets none
	hasNum  bool
	ilvl    int
	hasIlvl bool
}

type xmlVal struct {
	Val string `xml:"val,attr"`
}

type xmlNumPr struct {
	Ilvl  *xmlVal `xml:"ilvl"`
	NumID *xmlVal `xml:"numId"`
}

func parseStyles(r io.Reader, name string) (*styles, error) {
	var doc struct {
		Styles []struct {
			Type    string    `xml:"type,attr"`
			ID      string    `xml:"styleId,attr"`
			Default string    `xml:"default,attr"`
			BasedOn *xmlVal   `xml:"basedOn"`
			NumPr   *xmlNumPr `xml:"pPr>numPr"`
		} `xml:"style"`
	}
	if err := xml.NewTokenDecoder(newTokenLimiter(r, name)).Decode(&doc); err != nil {
		return nil, err
	}
	s := &styles{byID: make(map[string]*styleDef, len(doc.Styles))}
	for _, st := range doc.Styles {
		if st.Type != "" && st.Type != "paragraph" && st.Type != "numbering" {
			continue
		}
		d := &styleDef{}
		if st.BasedOn != nil {
			d.basedOn = st.BasedOn.Val
		}
		if st.NumPr != nil {
			if st.NumPr.NumID != nil {
				d.numID, d.hasNum = st.NumPr.NumID.Val, true
			}
			if st.NumPr.Ilvl != nil {
				if v, err := strconv.Atoi(st.NumPr.Ilvl.Val); err == nil {
					d.ilvl, d.hasIlvl = v, true
				}
			}
		}
		if _, dup := s.byID[st.ID]; !dup {
			s.byID[st.ID] = d
		}
		if st.Type == "paragraph" && isOn(st.Default) && s.defaultParagraph == "" {
			s.defaultParagraph = st.ID
		}
	}
	return s, nil
}

// numbering returns the list a paragraph style puts its paragraphs in,
// following basedOn (bounded, so a cycle ends).
func (s *styles) numbering(styleID string) (numID string, ilvl int, hasIlvl, ok bool) {
	if s == nil {
		return "", 0, false, false
	}
	if styleID == "" {
		styleID = s.defaultParagraph
	}
	for range 32 {
		d := s.byID[styleID]
		if d == nil {
			break
		}
		if !hasIlvl && d.hasIlvl {
			ilvl, hasIlvl = d.ilvl, true
		}
		if d.hasNum {
			return d.numID, ilvl, hasIlvl, true
		}
		styleID = d.basedOn
	}
	return "", 0, false, false
}

// isOn reads an OOXML boolean attribute: absent or "1"/"true"/"on" is on.
func isOn(v string) bool {
	switch v {
	case "1", "true", "on":
		return true
	}
	return false
}
