import Foundation
import VNCore

/// The non-blank lines of a JSONL file, each parsed as a JSON object, with its location.
///
/// JSON values are read with Foundation's `JSONSerialization`; the typed accessors below turn a wrong
/// type into an error naming the file, the line and the field.
struct JSONLines {
  let path: String
  let bytes: [UInt8]

  /// Calls `body` for every non-blank line with its 1-based number and the parsed object.
  ///
  /// - Parameter skip: called with a line's bytes before parsing; true skips the line (a fast pre-filter).
  func forEach(skip: (ArraySlice<UInt8>) -> Bool = { _ in false },
               _ body: (SourceLocation, JSONObject) throws(EvalError) -> Void) throws(EvalError) {
    var lineNumber = 0
    var start = 0
    let count = bytes.count
    // Lines are found with memchr and blank lines by their first byte: archives hold tens of megabytes.
    var ends: [Int] = bytes.withUnsafeBufferPointer { buffer in
      var ends: [Int] = []
      guard let base = buffer.baseAddress else { return ends }
      var p = 0
      while p < count, let hit = memchr(base + p, 0x0A, count - p) {
        let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        ends.append(index)
        p = index + 1
      }
      return ends
    }
    // A last line without a newline ends at the end of the file.
    if (ends.last.map { $0 + 1 } ?? 0) < count { ends.append(count) }
    for end in ends {
      lineNumber += 1
      defer { start = end + 1 }
      var first = start
      while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
      guard first < end else { continue }
      var slice = bytes[start..<end]
      if slice.last == 0x0D { slice = slice.dropLast() }
      if skip(slice) { continue }
      let location = SourceLocation(path: path, line: lineNumber)
      let parsed: Any
      do { parsed = try JSONSerialization.jsonObject(with: Data(slice), options: [.fragmentsAllowed]) } catch {
        throw .malformed(location, "not valid JSON (byte \(start) of the file)")
      }
      guard let dictionary = parsed as? [String: Any] else { throw .malformed(location, "expected a JSON object") }
      try body(location, JSONObject(values: dictionary, location: location, context: ""))
    }
  }
}

/// The value of a line's leading `"id"` string when the line starts with `{"id": "…"` and the id has no
/// escapes; nil otherwise. Lets archive readers skip the lines they do not need without parsing them.
func leadingID(_ line: ArraySlice<UInt8>) -> Substring.UTF8View? {
  var i = line.startIndex
  func spaces() { while i < line.endIndex && (line[i] == 0x20 || line[i] == 0x09) { i += 1 } }
  func expect(_ bytes: [UInt8]) -> Bool {
    for b in bytes { guard i < line.endIndex, line[i] == b else { return false }; i += 1 }
    return true
  }
  spaces()
  guard expect([UInt8(ascii: "{")]) else { return nil }
  spaces()
  guard expect(Array("\"id\"".utf8)) else { return nil }
  spaces()
  guard expect([UInt8(ascii: ":")]) else { return nil }
  spaces()
  guard expect([UInt8(ascii: "\"")]) else { return nil }
  let start = i
  while i < line.endIndex && line[i] != UInt8(ascii: "\"") { if line[i] == UInt8(ascii: "\\") { return nil }; i += 1 }
  guard i < line.endIndex else { return nil }
  return Substring(decoding: line[start..<i], as: UTF8.self).utf8
}

/// A JSON object from one line, with accessors that report where a field has the wrong type.
struct JSONObject {
  let values: [String: Any]
  let location: SourceLocation
  /// Prefix for messages, e.g. `entity 3: `.
  let context: String

  func has(_ key: String) -> Bool { values[key] != nil && !(values[key] is NSNull) }

  func fail(_ message: String) -> EvalError { .malformed(location, context + message) }

  func string(_ key: String) throws(EvalError) -> String {
    guard let v = values[key] else { throw fail("missing \"\(key)\"") }
    guard let s = v as? String else { throw fail("\"\(key)\" must be a string") }
    return s
  }

  func optionalString(_ key: String) throws(EvalError) -> String? {
    guard let v = values[key], !(v is NSNull) else { return nil }
    guard let s = v as? String else { throw fail("\"\(key)\" must be a string or null") }
    return s
  }

  func int(_ key: String) throws(EvalError) -> Int {
    guard let v = values[key] else { throw fail("missing \"\(key)\"") }
    // JSON true/false arrive as NSNumber too; offsets must be integers written as such.
    guard let n = v as? NSNumber, !Self.isBool(n), let i = Int(exactly: n.doubleValue) else {
      throw fail("\"\(key)\" must be an integer")
    }
    return i
  }

  func strings(_ key: String) throws(EvalError) -> [String] {
    guard let v = values[key], !(v is NSNull) else { return [] }
    guard let a = v as? [Any] else { throw fail("\"\(key)\" must be a list of strings") }
    var out: [String] = []
    for item in a {
      guard let s = item as? String else { throw fail("\"\(key)\" must be a list of strings") }
      out.append(s)
    }
    return out
  }

  func objects(_ key: String, itemName: String) throws(EvalError) -> [JSONObject]? {
    guard let v = values[key], !(v is NSNull) else { return nil }
    guard let a = v as? [Any] else { throw fail("\"\(key)\" must be a list") }
    var out: [JSONObject] = []
    for (i, item) in a.enumerated() {
      guard let d = item as? [String: Any] else { throw fail("\(itemName) \(i + 1) must be an object") }
      out.append(JSONObject(values: d, location: location, context: context + "\(itemName) \(i + 1): "))
    }
    return out
  }

  func object(_ key: String) -> JSONObject? {
    guard let d = values[key] as? [String: Any] else { return nil }
    return JSONObject(values: d, location: location, context: context + "\(key): ")
  }

  private static func isBool(_ n: NSNumber) -> Bool {
    // JSONSerialization makes booleans with NSNumber(value: Bool), whose type encoding is `c` (char).
    String(cString: n.objCType) == "c"
  }
}
