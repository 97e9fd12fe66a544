import Foundation
import VNCore

/// One annotated document as the index reads it from a vnmine/1 JSONL line.
///
/// Decoding is lenient where the extractor may still be incomplete: `entities`, `officials`, `attrs` and
/// every metadata field may be missing; attributes of an unexpected JSON type are dropped.
public struct IndexedDocument: Sendable {
  public var id: String
  public var source: String?
  public var line: Int?
  public var title: String?
  public var url: String?
  /// `YYYY-MM-DD` (the first ten characters of the input's `date` when it starts with a date), else nil.
  public var date: String?
  public var text: String {
    get { String(decoding: content.bytes, as: UTF8.self) }
    set { content = UTF8Text(newValue) }
  }
  /// The text as UTF-8 with scalar offsets (what the writer reads).
  var content: UTF8Text
  public var entities: [Entity]
  /// The document-level officials records; nil when the line had none (they are then rebuilt from the
  /// OFFICIAL entities, see `EntityResolver`).
  public var officials: [OfficialRecord]?

  public init(id: String, source: String? = nil, line: Int? = nil, title: String? = nil, url: String? = nil,
              date: String? = nil, text: String, entities: [Entity] = [], officials: [OfficialRecord]? = nil) {
    self.id = id; self.source = source; self.line = line; self.title = title; self.url = url
    self.date = date.flatMap(IndexedDocument.normalizedDate); self.content = UTF8Text(text)
    self.entities = entities; self.officials = officials
  }

  init(id: String, source: String?, line: Int?, title: String?, url: String?, date: String?, content: UTF8Text,
       entities: [Entity], officials: [OfficialRecord]?) {
    self.id = id; self.source = source; self.line = line; self.title = title; self.url = url
    self.date = date.flatMap(IndexedDocument.normalizedDate); self.content = content
    self.entities = entities; self.officials = officials
  }

  /// `2024-03-15T08:00:00+07:00` → `2024-03-15`; anything not starting with a date → nil.
  static func normalizedDate(_ s: String) -> String? {
    let u = Array(s.utf8.prefix(10))
    guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
    for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(u[i]) { return nil }
    return String(decoding: u, as: UTF8.self)
  }
}

/// What one JSONL line holds.
public enum IndexRecord: Sendable {
  case document(IndexedDocument)
  /// An extraction error record (`"error": {…}`): skipped and counted.
  case extractionError(id: String?, message: String)
}

extension IndexRecord {
  /// Decodes one vnmine/1 line.
  ///
  /// - Throws: `IndexError.badRecord` naming `source:line` when the line is not a JSON object, has another
  ///   schema, or has neither `text` nor `error`.
  public static func decode(_ line: Data, source: String, lineNumber: Int) throws(IndexError) -> IndexRecord {
    var bytes = [UInt8](line)
    // The text (most of the line) is decoded straight into UTF-8 and cut out before the rest is parsed.
    let content = TextMember.extract(&bytes)
    let root: JSONValue
    do {
      root = try JSONValue.parse(bytes)
    } catch {
      // Report the error as found in the line itself (offsets shift when the text was cut out).
      let original = content == nil ? error : (Self.parseError([UInt8](line)) ?? error)
      throw .badRecord(source: source, line: lineNumber, message: "not a vnmine/1 JSON object (\(original.message) at byte \(original.offset))")
    }
    guard case .object = root else {
      throw .badRecord(source: source, line: lineNumber, message: "not a vnmine/1 JSON object (not an object)")
    }
    if let schema = root["schema"]?.string, schema != "vnmine/1" {
      throw .badRecord(source: source, line: lineNumber, message: "schema \"\(schema)\", expected \"vnmine/1\"")
    }
    let id = root["id"]?.string ?? root["id"]?.int.map(String.init)
    let rawSource = root["source"]?.string
    let rawLine = root["line"]?.int
    if let error = root["error"] {
      return .extractionError(id: id, message: "\(error["kind"]?.string ?? "error"): \(error["message"]?.string ?? "")")
    }
    guard let text = root["text"]?.string else {
      throw .badRecord(source: source, line: lineNumber, message: "record has neither \"text\" nor \"error\"")
    }
    let textContent = content ?? UTF8Text(text)
    let entities = (root["entities"]?.array ?? []).enumerated().compactMap { i, e in Self.entity(e, index: i) }
    let officials: [OfficialRecord]? = root["officials"]?.array.map { list in
      list.enumerated().compactMap { i, o in
        guard let name = o["name"]?.string else { return nil }
        return OfficialRecord(id: o["id"]?.string ?? "o\(i + 1)", name: name, rank: o["rank"]?.string,
                              titles: Self.strings(o["titles"]), units: Self.strings(o["units"]),
                              mentions: Self.strings(o["mentions"]))
      }
    }
    return .document(IndexedDocument(
      id: id ?? "\(rawSource ?? source):\(rawLine ?? lineNumber)", source: rawSource ?? source,
      line: rawLine ?? (rawSource == nil ? lineNumber : nil),
      title: root["title"]?.string, url: root["url"]?.string, date: root["date"]?.string, content: textContent,
      entities: entities, officials: officials))
  }

  private static func strings(_ v: JSONValue?) -> [String] { v?.array?.compactMap(\.string) ?? [] }

  private static func parseError(_ bytes: [UInt8]) -> JSONValue.ParseError? {
    do { _ = try JSONValue.parse(bytes); return nil } catch { return error }
  }

  /// RANK force/order; UNIT code/parent; DIRECTIVE type…key; OFFICIAL rank/titles/units/official.
  private static let stringAttributes: Set<String> = ["force", "code", "parent", "type", "symbol", "issuer", "date", "title", "key", "rank", "official"]
  private static let numberAttributes: Set<String> = ["order", "year", "number"]
  private static let listAttributes: Set<String> = ["titles", "units"]

  /// An entity; attributes of an unexpected JSON type are dropped rather than failing the line.
  private static func entity(_ e: JSONValue, index: Int) -> Entity? {
    guard let label = e["label"]?.string, let kind = EntityKind(rawValue: label),
          let start = e["start"]?.int, let end = e["end"]?.int, start >= 0, end >= start,
          let text = e["text"]?.string else { return nil }
    var values: [(String, AttributeValue)] = []
    if case .object(let members)? = e["attrs"] {
      for (name, v) in members where !v.isNull {
        if stringAttributes.contains(name) {
          if let s = v.string { values.append((name, .string(s))) }
        } else if numberAttributes.contains(name) {
          if let s = v.string { values.append((name, .string(s))) } else if let i = v.int { values.append((name, .int(i))) }
        } else if listAttributes.contains(name) {
          if let a = v.array { values.append((name, .strings(a.compactMap(\.string)))) }
        }
      }
      values.sort { $0.0 < $1.0 }
    }
    return Entity(id: e["id"]?.string ?? "e\(index + 1)", kind: kind, start: start, end: end, text: text,
                  canonical: e["canonical"]?.string, attributes: values, rule: e["rule"]?.string ?? "")
  }
}

extension Entity {
  /// A string attribute (an integer is given as its decimal digits), nil when absent or null.
  func stringAttribute(_ name: String) -> String? {
    switch attribute(name) {
    case .string(let s): s.isEmpty ? nil : s
    case .int(let i): String(i)
    default: nil
    }
  }

  func intAttribute(_ name: String) -> Int? {
    switch attribute(name) {
    case .int(let i): i
    case .string(let s): Int(s)
    default: nil
    }
  }

  func stringsAttribute(_ name: String) -> [String] {
    switch attribute(name) {
    case .strings(let a): a
    case .string(let s): [s]
    default: []
    }
  }
}

/// Finds the first top-level `"text"` member of a JSON object line whose value is a string, decodes that
/// string into `UTF8Text` and replaces it with `""` in the line, so the JSON parser only sees the small
/// rest. Any surprise (not an object, a malformed string) leaves the line untouched and returns nil: the
/// JSON parser then reads the whole line as before, with its error messages.
enum TextMember {
  static func extract(_ line: inout [UInt8]) -> UTF8Text? {
    let found: (start: Int, end: Int, text: UTF8Text)? = line.withUnsafeBufferPointer { b in
      var i = 0
      func ws() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 } }
      /// Skips a string at `i` (on its quote); false when unterminated.
      func skipString() -> Bool {
        i += 1
        while i < b.count {
          if b[i] == 0x22 { i += 1; return true }
          i += b[i] == 0x5C ? 2 : 1
        }
        return false
      }
      /// Skips any value; false when malformed enough to stop looking.
      func skipValue() -> Bool {
        var depth = 0
        while i < b.count {
          switch b[i] {
          case 0x22: guard skipString() else { return false }; if depth == 0 { return true }; continue
          case 0x7B, 0x5B: depth += 1
          case 0x7D, 0x5D:
            if depth == 0 { return true }
            depth -= 1
            if depth == 0 { i += 1; return true }
          case 0x2C: if depth == 0 { return true }
          default: break
          }
          i += 1
        }
        return depth == 0
      }
      ws()
      guard i < b.count, b[i] == 0x7B else { return nil }
      i += 1
      while true {
        ws()
        guard i < b.count, b[i] == 0x22 else { return nil }
        let keyStart = i + 1
        guard skipString() else { return nil }
        let isText = i - keyStart == 5 && b[keyStart] == 0x74 && b[keyStart + 1] == 0x65 && b[keyStart + 2] == 0x78
          && b[keyStart + 3] == 0x74
        ws()
        guard i < b.count, b[i] == 0x3A else { return nil }
        i += 1
        ws()
        if isText {
          guard i < b.count, b[i] == 0x22 else { return nil }
          let start = i
          guard let text = UTF8Text.decodeJSONString(b, at: &i) else { return nil }
          return (start, i, text)
        }
        guard skipValue() else { return nil }
        ws()
        guard i < b.count, b[i] == 0x2C else { return nil }
        i += 1
      }
    }
    guard let found else { return nil }
    line.replaceSubrange(found.start..<found.end, with: [0x22, 0x22])
    return found.text
  }
}
