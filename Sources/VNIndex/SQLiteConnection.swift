import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text before `bind` returns (the C macro does not import).
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection: the thin layer the index and its queries use (no ORM, prepared statements cached).
///
/// Not thread-safe and not `Sendable`: one connection belongs to one command run. Readers and the writer use
/// separate connections; WAL mode lets them run at the same time.
final class SQLiteConnection {
  let path: String
  private(set) var handle: OpaquePointer?
  private var cache: [String: SQLiteStatement] = [:]

  /// SQLite's memory statistics off before the first connection (see `vnmine_sqlite3_disable_memstatus`).
  private static let configured: Void = { _ = vnmine_sqlite3_disable_memstatus() }()

  /// Opens (and with `create`, creates) the database at `path`.
  init(path: String, readOnly: Bool, create: Bool) throws(IndexError) {
    Self.configured
    self.path = path
    var flags: Int32 = SQLITE_OPEN_NOMUTEX
    if readOnly { flags |= SQLITE_OPEN_READONLY } else { flags |= SQLITE_OPEN_READWRITE }
    if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
    var db: OpaquePointer?
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    handle = db
    if rc != SQLITE_OK {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close_v2(db)
      handle = nil
      throw .sqlite(path: path, code: rc, message: message, sql: nil)
    }
    sqlite3_extended_result_codes(db, 1)
    sqlite3_busy_timeout(db, 10_000)
  }

  deinit {
    cache.removeAll()
    sqlite3_close_v2(handle)
  }

  func error(_ rc: Int32, _ sql: String?) -> IndexError {
    .sqlite(path: path, code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }

  /// Runs one or more statements without results.
  func execute(_ sql: String) throws(IndexError) {
    var err: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &err)
    if rc != SQLITE_OK {
      let message = err.map { String(cString: $0) } ?? "error"
      sqlite3_free(err)
      throw .sqlite(path: path, code: rc, message: message, sql: sql)
    }
  }

  /// A prepared statement for `sql`, reset and with bindings cleared; cached per connection.
  func statement(_ sql: String) throws(IndexError) -> SQLiteStatement {
    if let s = cache[sql] {
      s.reset()
      return s
    }
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
    guard rc == SQLITE_OK, let stmt else { throw error(rc, sql) }
    let s = SQLiteStatement(stmt, connection: self, sql: sql)
    cache[sql] = s
    return s
  }

  /// Runs `sql` with `arguments` and returns the rows via `row`.
  func query<T>(_ sql: String, _ arguments: [SQLValue] = [], row: (SQLiteStatement) -> T) throws(IndexError) -> [T] {
    var t = PhaseClock.now()
    let s = try statement(sql)
    var out: [T] = []
    try withBindings(s, arguments) { () throws(IndexError) in
      while try s.step() { out.append(row(s)) }
    }
    if PhaseClock.enabled { PhaseClock.add("sql " + sql.prefix(60).split(whereSeparator: \.isWhitespace).joined(separator: " "), &t) }
    return out
  }

  /// Runs `sql` with `arguments`, ignoring rows.
  func run(_ sql: String, _ arguments: [SQLValue] = []) throws(IndexError) {
    var t = PhaseClock.now()
    let s = try statement(sql)
    try withBindings(s, arguments) { () throws(IndexError) in
      while try s.step() {}
    }
    if PhaseClock.enabled { PhaseClock.add("sql " + sql.prefix(60).split(whereSeparator: \.isWhitespace).joined(separator: " "), &t) }
  }

  /// The first column of the first row, as an integer.
  func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(IndexError) -> Int64? {
    try query(sql, arguments) { $0.isNull(0) ? nil : $0.int(0) }.first ?? nil
  }

  /// The arguments being bound (kept to reuse their buffers; taken out while in use, so a row callback that
  /// runs another statement gets fresh ones).
  private var arguments = SQLArguments()

  /// Binds `values` to `s` and runs `body` (which steps `s`) while the bound text is alive.
  private func withBindings(_ s: SQLiteStatement, _ values: [SQLValue],
                            _ body: () throws(IndexError) -> Void) throws(IndexError) {
    try withArguments(s, { a in
      for v in values {
        switch v {
        case .int(let n): a.int(n)
        case .double(let d): a.double(d)
        case .null: a.null()
        case .text(let t): a.text(t)
        }
      }
    }, body)
  }

  /// Binds the arguments `bind` adds in parameter order to `s` and runs `body` (which steps `s`) while the bound
  /// text is alive. Text goes to SQLite as pointers into one buffer with explicit lengths (`SQLITE_STATIC`): no
  /// copy or `strlen` per argument. `s` keeps dangling pointers afterwards, but is only stepped again after it is
  /// reset and its bindings cleared.
  private func withArguments(_ s: SQLiteStatement, _ bind: (inout SQLArguments) -> Void,
                             _ body: () throws(IndexError) -> Void) throws(IndexError) {
    var a = arguments
    arguments = SQLArguments()
    defer { arguments = a }
    a.removeAll()
    bind(&a)
    a.bytes.append(0)  // never empty, so the base address exists
    try a.bytes.withUnsafeBufferPointer { (buf) throws(IndexError) in
      for (i, v) in a.slots.enumerated() {
        let idx = Int32(i + 1)
        let rc: Int32
        switch v {
        case .int(let n): rc = sqlite3_bind_int64(s.handle, idx, n)
        case .double(let d): rc = sqlite3_bind_double(s.handle, idx, d)
        case .null: rc = sqlite3_bind_null(s.handle, idx)
        case .text(let offset, let n):
          let p = UnsafeRawPointer(buf.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
          rc = sqlite3_bind_text(s.handle, idx, p, Int32(n), nil)  // nil: SQLITE_STATIC
        }
        if rc != SQLITE_OK { throw error(rc, s.sql) }
      }
      try body()
    }
  }

  /// Runs `s` (a statement its user prepared once with `statement(_:)` and keeps) with the arguments `bind`
  /// adds in parameter order, ignoring rows. The writer's per-row inserts go through here: no cache lookup
  /// (hashing the SQL text) and no array of `SQLValue`s per row.
  func run(_ s: SQLiteStatement, _ bind: (inout SQLArguments) -> Void) throws(IndexError) {
    var t = PhaseClock.now()
    s.reset()
    try withArguments(s, bind) { () throws(IndexError) in
      while try s.step() {}
    }
    if PhaseClock.enabled { PhaseClock.add("sql " + s.sql.prefix(60).split(whereSeparator: \.isWhitespace).joined(separator: " "), &t) }
  }

  var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Whether the database holds any table at all (an empty file is a fresh index).
  func hasAnyTable() throws(IndexError) -> Bool {
    (try scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0) > 0
  }
}

/// A value bound to a statement parameter.
enum SQLValue {
  case int(Int64)
  case double(Double)
  case text(String)
  case null

  static func opt(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
  static func opt(_ i: Int?) -> SQLValue { i.map { .int(Int64($0)) } ?? .null }
  static func int(_ i: Int) -> SQLValue { .int(Int64(i)) }
}

/// The arguments of one `SQLiteConnection.run(_:_:)`, added in parameter order. Text is copied into one
/// byte buffer (no reference-counted values held per argument).
struct SQLArguments {
  fileprivate enum Slot {
    case int(Int64)
    case double(Double)
    case null
    case text(offset: Int, count: Int)
  }

  fileprivate var slots: [Slot] = []
  fileprivate var bytes: [UInt8] = []

  fileprivate mutating func removeAll() {
    slots.removeAll(keepingCapacity: true)
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func int(_ n: Int64) { slots.append(.int(n)) }
  mutating func int(_ n: Int) { slots.append(.int(Int64(n))) }
  mutating func int(_ n: Int?) { slots.append(n.map { .int(Int64($0)) } ?? .null) }
  mutating func double(_ d: Double) { slots.append(.double(d)) }
  mutating func null() { slots.append(.null) }

  mutating func text(_ s: String) {
    let offset = bytes.count
    bytes.append(contentsOf: s.utf8)
    slots.append(.text(offset: offset, count: bytes.count - offset))
  }

  mutating func text(_ s: String?) {
    if let s { text(s) } else { null() }
  }

  /// Text given as UTF-8 bytes.
  mutating func text(utf8: [UInt8]) {
    let offset = bytes.count
    bytes.append(contentsOf: utf8)
    slots.append(.text(offset: offset, count: utf8.count))
  }
}

/// A prepared statement owned by its connection's cache.
final class SQLiteStatement {
  let handle: OpaquePointer
  unowned let connection: SQLiteConnection
  let sql: String

  init(_ handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
    self.handle = handle; self.connection = connection; self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  func bind(_ values: [SQLValue]) throws(IndexError) {
    for (i, v) in values.enumerated() {
      let idx = Int32(i + 1)
      let rc: Int32
      switch v {
      case .int(let n): rc = sqlite3_bind_int64(handle, idx, n)
      case .double(let d): rc = sqlite3_bind_double(handle, idx, d)
      case .text(let s): rc = sqlite3_bind_text(handle, idx, s, -1, SQLITE_TRANSIENT)
      case .null: rc = sqlite3_bind_null(handle, idx)
      }
      if rc != SQLITE_OK { throw connection.error(rc, sql) }
    }
  }

  /// Advances; true when a row is available.
  func step() throws(IndexError) -> Bool {
    let rc = sqlite3_step(handle)
    if rc == SQLITE_ROW { return true }
    if rc == SQLITE_DONE { return false }
    throw connection.error(rc, sql)
  }

  func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
  func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
  func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
  func text(_ i: Int32) -> String {
    guard let p = sqlite3_column_text(handle, i) else { return "" }
    return String(cString: p)
  }
  func optText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }

  /// The UTF-8 of text column `i`, all of it (`text` stops at a NUL), into `bytes` (replacing its contents).
  func utf8(_ i: Int32, into bytes: inout [UInt8]) {
    bytes.removeAll(keepingCapacity: true)
    guard let p = sqlite3_column_text(handle, i) else { return }
    bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))))
  }

  /// What `text` reads back after `s` was bound as text: the UTF-8 up to the first NUL.
  static func storedText(_ s: String) -> String {
    guard let nul = s.utf8.firstIndex(of: 0) else { return s }
    return String(s[..<nul])
  }
  func optInt(_ i: Int32) -> Int? { isNull(i) ? nil : Int(int(i)) }
}
