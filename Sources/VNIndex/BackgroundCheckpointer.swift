import CSQLite
import Foundation

/// Checkpoints an index's WAL into the database file from a second connection, on a thread of its own.
///
/// With SQLite's automatic checkpoint the commit that crosses the threshold copies the WAL into the database
/// and syncs both files before it returns; in `vnmine extract --index` that commit runs on one of the
/// pipeline's threads, so a core stood idle while the disk synced (two or three times per baomoi run, ~0.1 s
/// each, the last one at the end of the run). Here the writer's commits only ask (`request`), and a passive
/// checkpoint runs beside them: it copies the frames committed so far and never blocks the writer, which keeps
/// appending to the WAL meanwhile. Safety is SQLite's: a checkpoint interrupted by a crash is redone from the
/// WAL when the database is next opened.
final class BackgroundCheckpointer: @unchecked Sendable {
  private let path: String
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var pending = false
  private var stopping = false
  private var finished = false
  /// Passive checkpoints run so far (for tests).
  var runs: Int {
    condition.lock()
    defer { condition.unlock() }
    return completed
  }
  private var completed = 0

  /// Starts the thread; its connection opens `path` (an existing index).
  init(path: String) {
    self.path = path
    let thread = Thread { [self] in run() }
    thread.name = "vnmine-checkpoint"
    thread.start()
  }

  /// Asks for a checkpoint (returns at once; requests made while one is pending are one).
  func request() {
    condition.lock()
    pending = true
    condition.signal()
    condition.unlock()
  }

  /// Stops the thread after the checkpoint in progress, if any, and waits for it; a pending request is dropped
  /// (the writer's connection checkpoints what is left when it closes).
  func stop() {
    condition.lock()
    stopping = true
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }

  private func run() {
    do {
      let db = try? SQLiteConnection(path: path, readOnly: false, create: false)
      condition.lock()
      while true {
        while !pending && !stopping { condition.wait() }
        if stopping { break }
        pending = false
        condition.unlock()
        try? db?.execute("PRAGMA wal_checkpoint(PASSIVE)")
        condition.lock()
        completed += 1
      }
      condition.unlock()
    }  // the connection closes here, before `stop` returns (not the last one: it does not checkpoint)
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }
}

/// What the writer connection's WAL hook needs: the checkpointer and how many new frames (WAL pages) a commit
/// must have added since the last request to ask for another. Kept alive by the writer as long as its connection.
final class WALHookContext {
  var checkpointer: BackgroundCheckpointer
  /// Settable for tests.
  var frames: Int
  /// The WAL's size in frames at the last request (the WAL restarts from 0 after a complete checkpoint).
  private var requestedAt = 0

  init(checkpointer: BackgroundCheckpointer, frames: Int) {
    self.checkpointer = checkpointer
    self.frames = frames
  }

  /// Installs the hook on `db` (replacing SQLite's automatic checkpoint).
  func install(on db: SQLiteConnection) {
    sqlite3_wal_hook(db.handle, { context, _, _, frames in
      guard let context else { return SQLITE_OK }
      let hook = Unmanaged<WALHookContext>.fromOpaque(context).takeUnretainedValue()
      let n = Int(frames)
      if n < hook.requestedAt { hook.requestedAt = 0 }
      if n - hook.requestedAt >= hook.frames {
        hook.requestedAt = n
        hook.checkpointer.request()
      }
      return SQLITE_OK
    }, Unmanaged.passUnretained(self).toOpaque())
  }
}
