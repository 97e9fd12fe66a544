import VNCore

/// Document texts by id, read from JSONL or JSONL.gz archives with `id` and `text` fields
/// (the form of `../shared/data/*/*.jsonl.gz`).
public struct TextArchive: Sendable {
  public var paths: [String]
  /// id → text and the `file:line` it came from.
  public var texts: [String: (text: String, from: String)]

  public init(paths: [String] = [], texts: [String: (text: String, from: String)] = [:]) {
    self.paths = paths; self.texts = texts
  }

  /// Loads the texts of `ids` (all ids when nil) from `paths`; lines without `id` or `text` are skipped.
  public static func load(_ paths: [String], ids: Set<String>? = nil, reader: FileBytesReader = FileBytesReader())
    throws(EvalError) -> TextArchive {
    var archive = TextArchive(paths: paths)
    for path in paths {
      let bytes = try reader.read(path)
      let skip: (ArraySlice<UInt8>) -> Bool = { line in
        guard let ids, let id = leadingID(line) else { return false }
        return !ids.contains(String(Substring(id)))
      }
      try JSONLines(path: path, bytes: bytes).forEach(skip: skip) { (location, object) throws(EvalError) in
        guard let id = object.values["id"] as? String, ids?.contains(id) ?? true,
              let text = object.values["text"] as? String else { return }
        if archive.texts[id] == nil { archive.texts[id] = (text, location.description) }
      }
    }
    return archive
  }
}
