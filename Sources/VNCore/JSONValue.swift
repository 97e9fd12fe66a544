/// A parsed JSON value, with a small recursive-descent parser over UTF-8 bytes.
///
/// Used where a whole record must be read (the index reads every entity and attribute of vnmine's
/// output): Foundation's `JSONDecoder` with `Codable` took half of the indexing time on Linux. Numbers
/// keep whether they were integers; object members keep their order.
public enum JSONValue: Sendable, Equatable {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case null

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.array(let x), .array(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    default: return false
    }
  }

  /// The member `key` of an object (first occurrence), else nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    for (k, v) in members where k == key { return v }
    return nil
  }

  public var string: String? { if case .string(let s) = self { return s } else { return nil } }
  public var int: Int? {
    switch self {
    case .int(let i): return i
    case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
    default: return nil
    }
  }
  public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
  public var isNull: Bool { if case .null = self { return true } else { return false } }

  public struct ParseError: Error, Sendable, Equatable {
    public let offset: Int
    public let message: String
  }

  /// Parses one JSON value that fills `bytes` (surrounding white space allowed).
  public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
    var p = Parser(b: bytes)
    p.ws()
    let v = try p.value(depth: 0)
    p.ws()
    guard p.i == bytes.count else { throw ParseError(offset: p.i, message: "unexpected data after the value") }
    return v
  }

  /// Decodes one JSON string literal (quotes included), escapes and surrogate pairs resolved; nil if
  /// `bytes` is not exactly one valid string.
  public static func decodeString(_ bytes: ArraySlice<UInt8>) -> String? {
    var p = Parser(b: Array(bytes))
    guard p.b.first == 0x22, let s = try? p.string(), p.i == p.b.count else { return nil }
    return s
  }

  struct Parser {
    let b: [UInt8]
    var i = 0

    mutating func ws() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
    func fail(_ m: String) -> ParseError { ParseError(offset: i, message: m) }

    mutating func value(depth: Int) throws(ParseError) -> JSONValue {
      guard depth < 256 else { throw fail("nesting too deep") }
      guard i < b.count else { throw fail("expected a value") }
      switch b[i] {
      case 0x7B:  // {
        i += 1; ws()
        var members: [(String, JSONValue)] = []
        if i < b.count, b[i] == 0x7D { i += 1; return .object(members) }
        while true {
          ws()
          guard i < b.count, b[i] == 0x22 else { throw fail("expected a key") }
          let k = try string()
          ws()
          guard i < b.count, b[i] == 0x3A else { throw fail("expected ':'") }
          i += 1; ws()
          members.append((k, try value(depth: depth + 1)))
          ws()
          guard i < b.count else { throw fail("unterminated object") }
          if b[i] == 0x2C { i += 1; continue }
          if b[i] == 0x7D { i += 1; return .object(members) }
          throw fail("expected ',' or '}'")
        }
      case 0x5B:  // [
        i += 1; ws()
        var items: [JSONValue] = []
        if i < b.count, b[i] == 0x5D { i += 1; return .array(items) }
        while true {
          ws()
          items.append(try value(depth: depth + 1))
          ws()
          guard i < b.count else { throw fail("unterminated array") }
          if b[i] == 0x2C { i += 1; continue }
          if b[i] == 0x5D { i += 1; return .array(items) }
          throw fail("expected ',' or ']'")
        }
      case 0x22: return .string(try string())
      case 0x74: try literal("true"); return .bool(true)
      case 0x66: try literal("false"); return .bool(false)
      case 0x6E: try literal("null"); return .null
      default: return try number()
      }
    }

    mutating func literal(_ w: StaticString) throws(ParseError) {
      let n = w.utf8CodeUnitCount
      guard i + n <= b.count else { throw fail("invalid literal") }
      let p = w.utf8Start
      for k in 0..<n where b[i + k] != p[k] { throw fail("invalid literal") }
      i += n
    }

    mutating func number() throws(ParseError) -> JSONValue {
      let start = i
      if i < b.count, b[i] == 0x2D { i += 1 }
      var integer = true
      var digits = 0
      while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
      guard digits > 0 else { i = start; throw fail("invalid value") }
      if i < b.count, b[i] == 0x2E {
        integer = false; i += 1
        var f = 0
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1; f += 1 }
        guard f > 0 else { throw fail("invalid number") }
      }
      if i < b.count, b[i] | 0x20 == 0x65 {
        integer = false; i += 1
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        var e = 0
        while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1; e += 1 }
        guard e > 0 else { throw fail("invalid number") }
      }
      let text = String(decoding: b[start..<i], as: UTF8.self)
      if integer, let v = Int(text) { return .int(v) }
      guard let d = Double(text) else { throw fail("invalid number") }
      return .double(d)
    }

    static func hex(_ c: UInt8) -> UInt32? {
      switch c {
      case 0x30...0x39: return UInt32(c - 0x30)
      case 0x41...0x46: return UInt32(c - 0x37)
      case 0x61...0x66: return UInt32(c - 0x57)
      default: return nil
      }
    }

    mutating func hex4() throws(ParseError) -> UInt32 {
      guard i + 4 <= b.count else { throw fail("invalid \\u escape") }
      var v: UInt32 = 0
      for k in 0..<4 { guard let h = Self.hex(b[i + k]) else { throw fail("invalid \\u escape") }; v = v << 4 | h }
      i += 4
      return v
    }

    /// A string at `i` (on the quote), escapes decoded; raw control characters are rejected.
    mutating func string() throws(ParseError) -> String {
      i += 1
      let start = i
      // Fast path: no escapes.
      while i < b.count, b[i] != 0x22, b[i] != 0x5C {
        if b[i] < 0x20 { throw fail("control character in string") }
        i += 1
      }
      guard i < b.count else { throw fail("unterminated string") }
      if b[i] == 0x22 {
        let s = String(decoding: b[start..<i], as: UTF8.self)
        i += 1
        return s
      }
      var out = Array(b[start..<i])
      while i < b.count {
        let c = b[i]
        if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
        if c < 0x20 { throw fail("control character in string") }
        if c != 0x5C { out.append(c); i += 1; continue }
        i += 1
        guard i < b.count else { break }
        let e = b[i]
        i += 1
        switch e {
        case 0x22, 0x5C, 0x2F: out.append(e)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
          var v = try hex4()
          if v >= 0xD800 && v < 0xDC00, i + 6 <= b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
            let save = i
            i += 2
            let lo = try hex4()
            if lo >= 0xDC00 && lo < 0xE000 { v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00) } else { i = save }
          }
          out.append(contentsOf: UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}")!)
        default: throw fail("invalid escape")
        }
      }
      throw fail("unterminated string")
    }
  }
}
