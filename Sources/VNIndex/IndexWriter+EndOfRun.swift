import Foundation

extension IndexWriter {
  /// Refreshes every stale entity and builds the indexes this writer left out (`deferIndexes`), in one
  /// transaction (nothing to do when neither is pending). Called when a run ends, and by `init` for what a
  /// crashed run left stale.
  ///
  /// After the last batch of a long run this is the part of indexing that runs while extraction has ended, so
  /// it keeps both cores busy: a bulk refresh computes its rows on a second thread while this one builds the
  /// indexes (`refreshStale(buildingIndexes:)`), and with `endOfRun` the writer's caches are deallocated on a
  /// background queue (`BackgroundRelease`). Measured at the end of a baomoi `extract --index` (from the
  /// last document to the exit): 0.73–0.80 s before, in two transactions with the caches freed on this
  /// thread; 0.57–0.58 s after (with `mentions_key` on `(key, label)`, see `IndexSchema`).
  ///
  /// - Parameter endOfRun: the run is over: the caches (`rowMirror`, `officialCache`, the ids seen) are dropped
  ///   after the commit. The writer stays usable; it then reads from the database what the caches answered.
  public func refresh(endOfRun: Bool = false) throws(IndexError) {
    let hasStale = try db.scalar("SELECT 1 FROM stale LIMIT 1") != nil
    if hasStale || indexesDeferred {
      // The background checkpointer copies the last batches into the database meanwhile.
      requestCheckpoint()
      do {
        try inTransaction { () throws(IndexError) in
          if hasStale { try refreshStale(buildingIndexes: true) }
          try restoreIndexes()
        }
      } catch {
        // The caches may hold what was rolled back (officials the refresh deleted are gone from them).
        releaseCaches()
        throw error
      }
    }
    if !hasStale { lastRefresh = Self.monotonicSeconds() }
    if endOfRun { releaseCaches() }
  }

  /// Runs `body` in one write transaction (rolled back when it throws).
  private func inTransaction(_ body: () throws(IndexError) -> Void) throws(IndexError) {
    try db.execute("BEGIN IMMEDIATE")
    do {
      var t = PhaseClock.now()
      try body()
      PhaseClock.add("refresh", &t)
      try db.execute("COMMIT")
      PhaseClock.add("commit", &t)
    } catch {
      try? db.execute("ROLLBACK")
      throw error
    }
  }

  /// Hands the caches of rows to `BackgroundRelease` and starts them again empty (and not known complete).
  func releaseCaches() {
    let caches = (rowMirror, officialCache, unitIDs, markedStale, addedSinceEmpty)
    rowMirror = nil
    officialCache = OfficialCache()
    unitIDs = [:]
    markedStale = []
    addedSinceEmpty = nil
    BackgroundRelease.release(caches)
  }
}

extension RefreshPlanner {
  /// The plans of `refs`, in order, computed on another thread while `body` runs on this one.
  func plans(_ refs: [EntityRef], _ scanned: ScannedFacts,
             whileRunning body: () throws(IndexError) -> Void) throws(IndexError) -> [RefreshPlan] {
    final class Result: @unchecked Sendable { var plans: [RefreshPlan] = [] }
    let result = Result()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) {
      result.plans = refs.map { plan($0, scanned) }
    }
    do {
      try body()
    } catch {
      group.wait()
      throw error
    }
    group.wait()
    return result.plans
  }
}

/// Deallocates values on a background queue. The caches and refresh inputs of a long run hold millions of
/// small allocations: freeing them on the writer's thread took ~80 ms at the end of a baomoi run, after
/// extraction had ended and while the other core was idle.
///
/// Only storage no one else still references is freed there: the caller should drop its own copies right away
/// (whatever it still holds when the queue runs is freed later by the caller, as it would have been).
enum BackgroundRelease {
  private static let queue = DispatchQueue(label: "vnmine.index.release", qos: .utility)

  static func release<T>(_ value: consuming T) {
    let box = ReleaseBox(value)
    queue.async { box.empty() }
  }
}

private final class ReleaseBox<T>: @unchecked Sendable {
  private var value: T?
  init(_ value: consuming T) { self.value = value }
  func empty() { value = nil }
}
