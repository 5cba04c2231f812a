package maplayout

import "github.com/coibrief/coibrief/model"

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// KindColors colour the map's points by the most severe kind of event.
var KindColors = map[model.EventKind]RGB{
	model.KindLethalForce:         {150, 20, 30},
	model.KindTorture:             {110, 30, 110},
	model.KindRiot:                {225, 110, 30},
	model.KindArrests:             {40, 90, 170},
	model.KindStateOfEmergency:    {90, 90, 90},
	model.KindInternetShutdown:    {120, 120, 160},
	model.KindForeignIntervention: {60, 60, 60},
	model.KindJudicial:            {90, 60, 40},
	model.KindPeacefulProtest:     {40, 150, 80},
	model.KindPersonnelChange:     {150, 150, 150},
	model.KindGovernmentDecision:  {150, 150, 150},
	model.KindStatement:           {170, 170, 170},
	model.KindOther:               {170, 170, 170},
}

// Colours of the map.
var (
	SeaFill     = RGB{218, 231, 242}
	LandFill    = RGB{239, 238, 232} // the countries around
	LandLine    = RGB{168, 168, 160}
	CountryFill = RGB{250, 236, 204} // the dossier's
	CountryLine = RGB{95, 95, 95}
	RegionFill  = RGB{226, 120, 70}
	RegionLine  = RGB{170, 70, 30}
	FrameLine   = RGB{120, 130, 150}
	PlaceText   = RGB{30, 30, 30}
	RegionText  = RGB{150, 60, 30}
	CountryText = RGB{105, 105, 105}
)

// MinStep is the least distance in mm between two points of an outline
// as drawn: closer ones are left out, which the eye cannot tell and which
// keeps the output small.
const MinStep = 0.12
