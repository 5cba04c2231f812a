package html

// chart writes the chart of the figures reported over time.
func (b *builder) chart() {}

// eventMap writes the map of events.
func (b *builder) eventMap() {}
