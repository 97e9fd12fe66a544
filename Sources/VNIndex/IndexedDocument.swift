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
  public var text: String
  public var entities: [Entity]
  /// The document-level officials records; nil when the line had none (they are then rebuilt from the
  /// OFFICIAL entities, see `EntityResolver`).
  public var officials: [OfficialRecord]?

  public init(id: String, source: String? = nil, line: Int? = nil, title: String? = nil, url: String? = nil,
              date: String? = nil, text: String, entities: [Entity] = [], officials: [OfficialRecord]? = nil) {
    self.id = id; self.source = source; self.line = line; self.title = title; self.url = url
    self.date = date.flatMap(IndexedDocument.normalizedDate); self.text = text
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
    let root: JSONValue
    do {
      root = try JSONValue.parse([UInt8](line))
    } catch {
      throw .badRecord(source: source, line: lineNumber, message: "not a vnmine/1 JSON object (\(error.message) at byte \(error.offset))")
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
      title: root["title"]?.string, url: root["url"]?.string, date: root["date"]?.string, text: text,
      entities: entities, officials: officials))
  }

  private static func strings(_ v: JSONValue?) -> [String] { v?.array?.compactMap(\.string) ?? [] }

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
