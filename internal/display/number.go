package display

import (
	"strconv"
	"strings"
)

// Int formats n with a comma between each group of three digits.
func Int(n int64) string { return group(strconv.FormatInt(n, 10)) }

// Float formats f with digits decimals (-1 for the fewest that give f back
// exactly, as strconv.FormatFloat does) and its whole part grouped in
// thousands: Float(120730, 0) is "120,730", Float(1234.5, -1) "1,234.5".
func Float(f float64, digits int) string {
	s := strconv.FormatFloat(f, 'f', digits, 64)
	whole, frac, hasFrac := strings.Cut(s, ".")
	if !hasFrac {
		return group(whole)
	}
	return group(whole) + "." + frac
}

// group inserts thousands separators into a string of digits with an
// optional leading minus sign.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(sign) + len(s) + len(s)/3)
	b.WriteString(sign)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
