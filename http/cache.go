package http

import (
	"sync"
	"time"
)

// pageCache keeps rendered saved-assessment pages. A saved assessment never
// changes except by deletion, which may also unlink later versions from it;
// every delete through this server therefore empties the cache. Entries
// expire after ttl, which bounds how long a page deleted through another
// server sharing the store stays visible here.
type pageCache struct {
	ttl time.Duration
	max int
	now func() time.Time

	mu      sync.Mutex
	entries map[string]cachedPage
}

type cachedPage struct {
	body    []byte
	expires time.Time
}

func newPageCache(ttl time.Duration, max int, now func() time.Time) *pageCache {
	if ttl <= 0 || max <= 0 {
		return nil
	}
	return &pageCache{ttl: ttl, max: max, now: now, entries: map[string]cachedPage{}}
}

// get returns a fresh page for key; a nil cache never has one.
func (c *pageCache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || !c.now().Before(e.expires) {
		return nil, false
	}
	return e.body, true
}

// put stores a page, dropping an arbitrary entry when full.
func (c *pageCache) put(key string, body []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		for k := range c.entries {
			delete(c.entries, k)
			break
		}
	}
	c.entries[key] = cachedPage{body: body, expires: c.now().Add(c.ttl)}
}

// clear empties the cache.
func (c *pageCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
}
