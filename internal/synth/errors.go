package synth

import "errors"

// ErrOptions is wrapped by every error about invalid Options.
var ErrOptions = errors.New("invalid options")

// errUnsupported is wrapped when a type has a field the streaming writer
// cannot write as encoding/json would (an embedded struct, a ",string"
// option): a change to the model that WriteJSON must follow.
var errUnsupported = errors.New("cannot be streamed")
