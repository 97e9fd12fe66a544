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
  private static let decoder = JSONDecoder()

  /// Decodes one vnmine/1 line.
  ///
  /// - Throws: `IndexError.badRecord` naming `source:line` when the line is not a JSON object, has another
  ///   schema, or has neither `text` nor `error`.
  public static func decode(_ line: Data, source: String, lineNumber: Int) throws(IndexError) -> IndexRecord {
    let raw: RawRecord
    do {
      raw = try decoder.decode(RawRecord.self, from: line)
    } catch {
      throw .badRecord(source: source, line: lineNumber, message: "not a vnmine/1 JSON object (\(Self.describe(error)))")
    }
    if let schema = raw.schema, schema != "vnmine/1" {
      throw .badRecord(source: source, line: lineNumber, message: "schema \"\(schema)\", expected \"vnmine/1\"")
    }
    if let error = raw.error {
      return .extractionError(id: raw.id, message: error)
    }
    guard let text = raw.text else {
      throw .badRecord(source: source, line: lineNumber, message: "record has neither \"text\" nor \"error\"")
    }
    let entities = (raw.entities ?? []).enumerated().compactMap { i, e in e.entity(index: i) }
    let officials = raw.officials.map { list in
      list.enumerated().map { i, o in
        OfficialRecord(id: o.id ?? "o\(i + 1)", name: o.name, rank: o.rank, titles: o.titles ?? [],
                       units: o.units ?? [], mentions: o.mentions ?? [])
      }
    }
    let id = raw.id ?? "\(raw.source ?? source):\(raw.line ?? lineNumber)"
    return .document(IndexedDocument(
      id: id, source: raw.source ?? source, line: raw.line ?? (raw.source == nil ? lineNumber : nil),
      title: raw.title, url: raw.url, date: raw.date, text: text, entities: entities, officials: officials))
  }

  private static func describe(_ error: any Error) -> String {
    if case DecodingError.dataCorrupted(let c) = error { return c.debugDescription }
    if case DecodingError.typeMismatch(_, let c) = error {
      return "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
    }
    return "invalid JSON"
  }
}

/// The JSON shape of a line; metadata fields of another type than expected decode as nil.
private struct RawRecord: Decodable {
  var schema: String?
  var id: String?
  var source: String?
  var line: Int?
  var title: String?
  var url: String?
  var date: String?
  var text: String?
  var entities: [RawEntity]?
  var officials: [RawOfficial]?
  var error: String?

  enum CodingKeys: String, CodingKey { case schema, id, source, line, title, url, date, text, entities, officials, error }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schema = try? c.decodeIfPresent(String.self, forKey: .schema)
    id = (try? c.decodeIfPresent(String.self, forKey: .id)) ?? (try? c.decodeIfPresent(Int.self, forKey: .id)).flatMap { $0.map(String.init) }
    source = try? c.decodeIfPresent(String.self, forKey: .source)
    line = try? c.decodeIfPresent(Int.self, forKey: .line)
    title = try? c.decodeIfPresent(String.self, forKey: .title)
    url = try? c.decodeIfPresent(String.self, forKey: .url)
    date = try? c.decodeIfPresent(String.self, forKey: .date)
    text = try c.decodeIfPresent(String.self, forKey: .text)
    entities = try c.decodeIfPresent([RawEntity].self, forKey: .entities)
    officials = try c.decodeIfPresent([RawOfficial].self, forKey: .officials)
    if c.contains(.error) {
      let e = try? c.decodeIfPresent(RawError.self, forKey: .error)
      error = e.map { "\($0.kind ?? "error"): \($0.message ?? "")" } ?? "error"
    }
  }
}

private struct RawError: Decodable {
  var kind: String?
  var message: String?
}

private struct RawOfficial: Decodable {
  var id: String?
  var name: String
  var rank: String?
  var titles: [String]?
  var units: [String]?
  var mentions: [String]?
}

private struct RawEntity: Decodable {
  var id: String?
  var label: String
  var start: Int
  var end: Int
  var text: String
  var canonical: String?
  var attrs: RawAttributes?
  var rule: String?

  func entity(index: Int) -> Entity? {
    guard let kind = EntityKind(rawValue: label), start >= 0, end >= start else { return nil }
    return Entity(id: id ?? "e\(index + 1)", kind: kind, start: start, end: end, text: text,
                  canonical: canonical, attributes: attrs?.values ?? [], rule: rule ?? "")
  }
}

/// The attributes the index reads (others are ignored), each decoded with its expected type; a value of
/// another type is dropped rather than failing the line. Typed decoding avoids trying every JSON type in
/// turn, which dominated decoding time.
private struct RawAttributes: Decodable {
  var values: [(String, AttributeValue)] = []

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// RANK force/order; UNIT code/parent; DIRECTIVE type…key; OFFICIAL rank/titles/units/official.
  private static let strings = ["force", "code", "parent", "type", "symbol", "issuer", "date", "title", "key", "rank", "official"]
  private static let numbers = ["order", "year", "number"]
  private static let lists = ["titles", "units"]

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    for key in c.allKeys {
      let name = key.stringValue
      if (try? c.decodeNil(forKey: key)) == true { continue }
      if Self.strings.contains(name) {
        if let s = try? c.decode(String.self, forKey: key) { values.append((name, .string(s))) }
      } else if Self.numbers.contains(name) {
        // `number` is usually a string ("09"), `order` and `year` integers; either is accepted.
        if name == "number", let s = try? c.decode(String.self, forKey: key) { values.append((name, .string(s))) }
        else if let i = try? c.decode(Int.self, forKey: key) { values.append((name, .int(i))) }
        else if let s = try? c.decode(String.self, forKey: key) { values.append((name, .string(s))) }
      } else if Self.lists.contains(name) {
        if let a = try? c.decode([String?].self, forKey: key) { values.append((name, .strings(a.compactMap { $0 }))) }
      }
    }
    values.sort { $0.0 < $1.0 }
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
