import VNCore

/// Scans one JSON object (a JSONL line) without building a tree: each top-level key with the byte
/// range of its raw value, and string decoding on demand.
///
/// vnmine only needs the text and id fields decoded; every other field is passed through to the output
/// as the exact bytes it had, so a fast validating scan beats a full parse. The scan checks the whole
/// line is one well-formed JSON object (RFC 8259) and reports the byte offset of the first problem.
public struct JSONObjectScanner {
  public struct Field {
    public let key: String
    /// Byte range of the raw value within the line.
    public let value: Range<Int>
  }

  public struct SyntaxError: Error, Equatable {
    public let offset: Int
    public let message: String
  }

  let bytes: [UInt8]
  var i = 0

  /// Scans `line` (UTF-8 bytes of one line, without the newline).
  public static func fields(_ line: [UInt8]) -> Result<[Field], SyntaxError> {
    var s = JSONObjectScanner(bytes: line)
    do { return .success(try s.object()) } catch { return .failure(error) }
  }

  /// Decodes the JSON string value at `range` (quotes included), or nil if it is not a string.
  public static func string(_ line: [UInt8], _ range: Range<Int>) -> String? {
    guard range.count >= 2, line[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
    return JSONValue.decodeString(line[range])
  }

  private mutating func fail(_ m: String) -> SyntaxError { SyntaxError(offset: i, message: m) }

  private mutating func ws() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
  }

  mutating func object() throws(SyntaxError) -> [Field] {
    ws()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw fail("expected a JSON object") }
    i += 1
    var fields: [Field] = []
    ws()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; try end(); return fields }
    while true {
      ws()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let keyStart = i
      try skipString()
      guard let key = JSONValue.decodeString(bytes[keyStart..<i]) else { throw fail("invalid key") }
      ws()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      i += 1
      ws()
      let start = i
      try value(depth: 0)
      fields.append(Field(key: key, value: start..<i))
      ws()
      guard i < bytes.count else { throw fail("unterminated object") }
      if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
      if bytes[i] == UInt8(ascii: "}") { i += 1; break }
      throw fail("expected ',' or '}'")
    }
    try end()
    return fields
  }

  private mutating func end() throws(SyntaxError) {
    ws()
    if i != bytes.count { throw fail("unexpected data after the object") }
  }

  private mutating func value(depth: Int) throws(SyntaxError) {
    guard depth < 512 else { throw fail("nesting too deep") }
    guard i < bytes.count else { throw fail("expected a value") }
    switch bytes[i] {
    case UInt8(ascii: "\""): _ = try skipString()
    case UInt8(ascii: "{"):
      i += 1; ws()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
      while true {
        ws()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
        try skipString(); ws()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
        i += 1; ws()
        try value(depth: depth + 1); ws()
        guard i < bytes.count else { throw fail("unterminated object") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
        if bytes[i] == UInt8(ascii: "}") { i += 1; return }
        throw fail("expected ',' or '}'")
      }
    case UInt8(ascii: "["):
      i += 1; ws()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return }
      while true {
        ws()
        try value(depth: depth + 1); ws()
        guard i < bytes.count else { throw fail("unterminated array") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
        if bytes[i] == UInt8(ascii: "]") { i += 1; return }
        throw fail("expected ',' or ']'")
      }
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: try number()
    }
  }

  private mutating func literal(_ word: String) throws(SyntaxError) {
    for b in word.utf8 {
      guard i < bytes.count, bytes[i] == b else { throw fail("invalid literal") }
      i += 1
    }
  }

  private mutating func number() throws(SyntaxError) {
    let start = i
    if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1; digits += 1 }
    guard digits > 0 else { i = start; throw fail("invalid value") }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      var f = 0
      while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1; f += 1 }
      guard f > 0 else { throw fail("invalid number") }
    }
    if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      var e = 0
      while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1; e += 1 }
      guard e > 0 else { throw fail("invalid number") }
    }
  }

  /// Skips a string, validating escapes and rejecting raw control characters.
  private mutating func skipString() throws(SyntaxError) {
    i += 1
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") { i += 1; return }
      if b < 0x20 { throw fail("control character in string") }
      if b == UInt8(ascii: "\\") {
        i += 1
        guard i < bytes.count else { break }
        if bytes[i] == UInt8(ascii: "u") {
          guard i + 4 < bytes.count, (1...4).allSatisfy({ Self.hexValue(bytes[i + $0]) != nil }) else { throw fail("invalid \\u escape") }
          i += 4
        } else if !"\"\\/bfnrt".utf8.contains(bytes[i]) { throw fail("invalid escape") }
      }
      i += 1
    }
    throw fail("unterminated string")
  }

  static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x37)
    case 0x61...0x66: return UInt32(b - 0x57)
    default: return nil
    }
  }
}
