package pdf

import "golang.org/x/image/math/fixed"

type fixedInt = fixed.Int26_6
