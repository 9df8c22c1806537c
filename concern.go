package certwise

// ConcernPrerequisiteMissing is the concern raised when the certification
// the person named requires a credential they do not hold.
const ConcernPrerequisiteMissing = "prerequisite_missing"
