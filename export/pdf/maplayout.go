package pdf

import (
	"github.com/coibrief/coibrief/internal/maplayout"
	"github.com/coibrief/coibrief/report"
)

// The map's layout is package maplayout's, which the HTML renderer
// shares: the PDF measures names in its fonts and draws the layout.

// Styles of the map's names.
var (
	stMapLabel   = style{face: sans, size: maplayout.PlaceName.Size(), color: rgbOf(maplayout.PlaceText)}
	stMapRegion  = style{face: sansBold, size: maplayout.RegionName.Size(), color: rgbOf(maplayout.RegionText)}
	stMapCountry = style{face: serifItalic, size: maplayout.CountryName.Size(), color: rgbOf(maplayout.CountryText)}
)

// mapStyles are the PDF's styles of the map's names.
var mapStyles = [...]style{maplayout.PlaceName: stMapLabel, maplayout.RegionName: stMapRegion, maplayout.CountryName: stMapCountry}

// mapMaxH is the greatest height of the map's frame, in mm.
const mapMaxH = maplayout.MaxHeight

type mapLayout = maplayout.Layout

func rgbOf(c maplayout.RGB) rgb { return rgb{c.R, c.G, c.B} }

// radius is the radius in mm of the point of a place with n entries.
func radius(entries int) float64 { return maplayout.Radius(entries) }

// mapFrameHeight returns the height of the frame for a map of m at width
// w, between the least height and maxH.
func mapFrameHeight(m *report.Map, w, maxH float64) float64 { return maplayout.FrameHeight(m, w, maxH) }

// layoutMap lays out the map of m in the frame of width w and height h
// whose top-left corner is at (x, y), with names in language lang; width
// measures a text in mm.
func layoutMap(m *report.Map, lang int, x, y, w, h float64, width func(string, style) float64) *mapLayout {
	return maplayout.New(m, lang, x, y, w, h, func(s string, st maplayout.Style) float64 { return width(s, mapStyles[st]) })
}
