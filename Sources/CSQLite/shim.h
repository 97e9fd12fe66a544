#include <sqlite3.h>

/// Turns off SQLite's memory statistics (`SQLITE_CONFIG_MEMSTATUS`): with them on, every allocation SQLite
/// makes takes a global mutex to update the counters, and vnmine never reads them. Only effective before
/// SQLite initialises (the first connection opened); returns SQLITE_MISUSE after that, which is harmless.
/// (`sqlite3_config` is variadic, which Swift cannot call directly.)
static inline int vnmine_sqlite3_disable_memstatus(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
