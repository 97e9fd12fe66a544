import VNCore

/// Reads gold files in the annotation guidelines' JSONL format, inline or stand-off.
///
/// Inline: `{"id", "text", "entities": [{"start", "end", "label", "text"}], "officials"?}`. Stand-off: `sha256`
/// of the UTF-8 text instead of `text`; the text is then looked up by id in `TextArchive`s (and checked).
/// Every entity must lie inside the text with `start < end`, and its `text`, when given, must equal the
/// slice: a mismatch almost always means offsets counted in another unit (UTF-16, bytes), so it is an error.
public struct GoldReader: Sendable {
  public init() {}

  /// A gold line before its text is resolved.
  public struct Record: Sendable {
    public var id: String
    public var text: String?
    public var sha256: String?
    public var entities: [Span]
    public var officials: [OfficialEntry]?
    public var location: SourceLocation
  }

  /// Parses every line; checks that need the text wait for `resolve`.
  public func records(path: String, bytes: [UInt8]) throws(EvalError) -> [Record] {
    var out: [Record] = []
    var seen: [String: SourceLocation] = [:]
    try JSONLines(path: path, bytes: bytes).forEach { (location, object) throws(EvalError) in
      let id = try object.string("id")
      guard !id.isEmpty else { throw object.fail("\"id\" is empty") }
      if let first = seen[id] { throw .duplicateID(location, id: id, first: first) }
      seen[id] = location
      let text = try object.optionalString("text")
      let sha = try object.optionalString("sha256")
      if let sha, sha.utf8.count != 64 || !sha.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
        throw object.fail("\"sha256\" must be 64 lower-case hex digits")
      }
      guard text != nil || sha != nil else { throw object.fail("needs \"text\" (inline gold) or \"sha256\" (stand-off gold)") }
      guard let entityObjects = try object.objects("entities", itemName: "entity") else { throw object.fail("missing \"entities\"") }
      var entities: [Span] = []
      for e in entityObjects {
        let label = try e.string("label")
        guard !label.isEmpty else { throw e.fail("\"label\" is empty") }
        let start = try e.int("start"), end = try e.int("end")
        guard start >= 0, start < end else { throw e.fail("needs 0 <= start < end, got start \(start), end \(end)") }
        entities.append(Span(label: label, start: start, end: end, text: try e.optionalString("text")))
      }
      out.append(Record(id: id, text: text, sha256: sha, entities: entities,
                        officials: try Self.officials(object), location: location))
    }
    return out
  }

  /// The `officials` records of a gold or prediction line, nil when the field is absent.
  static func officials(_ object: JSONObject) throws(EvalError) -> [OfficialEntry]? {
    guard let items = try object.objects("officials", itemName: "official") else { return nil }
    var out: [OfficialEntry] = []
    for o in items {
      out.append(OfficialEntry(name: try o.string("name"), rank: try o.optionalString("rank"),
                               titles: try o.strings("titles"), units: try o.strings("units")))
    }
    return out
  }

  /// Gives each record its text (inline, else from `archives`, else from `fallback`, e.g. the
  /// prediction file), checks sha256 and entity offsets, and returns the gold documents.
  public func resolve(_ records: [Record], archives: TextArchive, fallback: [String: (text: String, from: String)] = [:])
    throws(EvalError) -> [GoldDocument] {
    var out: [GoldDocument] = []
    for r in records {
      let text: String
      if let inline = r.text {
        text = inline
        if let sha = r.sha256 {
          let actual = SHA256.hex(inline)
          guard actual == sha else {
            throw .checksumMismatch(r.location, id: r.id, textFrom: "its own \"text\"", expected: sha, actual: actual)
          }
        }
      } else {
        let found: (text: String, from: String)
        if let a = archives.texts[r.id] { found = a } else if let f = fallback[r.id] { found = f } else {
          let hint = archives.paths.isEmpty
            ? "pass the archive holding it with --text-from ARCHIVE.jsonl[.gz]"
            : "not in \(archives.paths.joined(separator: ", "))"
          throw .missingText(r.location, id: r.id, hint: hint)
        }
        let actual = SHA256.hex(found.text)
        guard actual == r.sha256 else {
          throw .checksumMismatch(r.location, id: r.id, textFrom: found.from, expected: r.sha256 ?? "", actual: actual)
        }
        text = found.text
      }
      out.append(GoldDocument(id: r.id, text: text, entities: try Self.checked(r.entities, in: text, at: r.location),
                              officials: r.officials, location: r.location))
    }
    return out
  }

  /// Fills in each span's text and rejects spans outside the text or whose text differs from the slice.
  static func checked(_ spans: [Span], in text: String, at location: SourceLocation) throws(EvalError) -> [Span] {
    let scalars = ScalarText(text)
    var out = spans
    for i in out.indices {
      let s = out[i]
      guard s.end <= scalars.count else {
        throw .malformed(location, "entity \(i + 1): \"end\" \(s.end) is past the end of the text (\(scalars.count) characters)")
      }
      let slice = scalars.slice(s.start, s.end)
      if let given = s.text, given != slice {
        throw .malformed(location, "entity \(i + 1): \"text\" is \"\(given)\" but text[\(s.start):\(s.end)] is \"\(slice)\""
          + " (offsets must count Unicode code points)")
      }
      out[i].text = slice
    }
    return out
  }
}
