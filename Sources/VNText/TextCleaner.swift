/// Removes invisible junk and repairs spacing, keeping every kept scalar's origin.
///
/// - drops zero-width characters (U+200B–U+200F, U+2060, U+FEFF), bidi controls (U+202A–U+202E),
///   the soft hyphen U+00AD and C0/C1 control characters other than tab, line feed and carriage return;
/// - turns NBSP and the other Unicode spaces into an ordinary space and collapses runs of spaces;
/// - `ð`/`Ð` (Icelandic eth, a common look-alike typed for `đ`) → `đ`/`Đ`;
/// - inserts the missing space after `,` `;` `:` when a letter follows at once
///   (`yêu cầu,thời gian` → `yêu cầu, thời gian`), never between digits (`1,5`, `10:30`).
public struct TextCleaner: Sendable {
  public var repairSpacing: Bool

  public init(repairSpacing: Bool = true) { self.repairSpacing = repairSpacing }

  enum Action { case keep, drop, space, replace(Unicode.Scalar) }

  @inline(__always)
  static func action(_ s: Unicode.Scalar) -> Action {
    let v = s.value
    if v >= 0x20 && v < 0x7F { return .keep }
    switch v {
    case 0x09, 0x0A, 0x0D: return .keep
    case 0x00..<0x20, 0x7F..<0xA0: return .drop
    case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
    case 0xAD, 0x200B...0x200F, 0x2060, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069: return .drop
    case 0xF0: return .replace("\u{111}")
    case 0xD0: return .replace("\u{110}")
    default: return .keep
    }
  }

  /// Whether `apply` would change anything (a fast scan, no allocation).
  public func needsWork(_ s: [Unicode.Scalar]) -> Bool {
    var lastOut: Unicode.Scalar = "\n", beforeLast: Unicode.Scalar = "\n"
    for c in s {
      if case .keep = Self.action(c) {} else { return true }
      if c == " " && lastOut == " " { return true }
      if repairSpacing, Self.needsSpaceAfter(lastOut), Self.isLetter(c), Self.isLetterOrDigit(beforeLast) { return true }
      beforeLast = lastOut
      lastOut = c
    }
    return false
  }

  @inline(__always) static func needsSpaceAfter(_ s: Unicode.Scalar) -> Bool { s == "," || s == ";" || s == ":" }
  @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
  @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    // Combining marks count as part of the letter they follow (NFD input is cleaned before NFC).
    return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
  }
  @inline(__always) static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

  /// Cleans the buffer; returns whether it changed.
  @discardableResult
  public func apply(_ buffer: inout ScalarBuffer) -> Bool {
    var dropped = false
    return apply(&buffer, dropped: &dropped)
  }

  /// Cleans the buffer; returns whether it changed, and sets `dropped` when a character was removed
  /// (only then can two letters become neighbours: spaces are only merged or inserted).
  func apply(_ buffer: inout ScalarBuffer, dropped: inout Bool) -> Bool {
    let s = buffer.scalars
    guard needsWork(s) else { return false }
    var w = ScalarRewriter(capacity: s.count)
    var lastOut: Unicode.Scalar = "\n"
    var beforeLast: Unicode.Scalar = "\n"
    for (i, c0) in s.enumerated() {
      var c = c0
      switch Self.action(c0) {
      case .keep: break
      case .drop: dropped = true; continue
      case .space: c = " "
      case .replace(let r): c = r
      }
      if c == " " && lastOut == " " { continue }
      // A letter right after `,` `;` `:` that itself follows a letter or digit: insert the space.
      if repairSpacing, Self.needsSpaceAfter(lastOut), Self.isLetter(c), Self.isLetterOrDigit(beforeLast) {
        w.emit(" ", from: i)
        beforeLast = lastOut
        lastOut = " "
      }
      w.emit(c, from: i)
      beforeLast = lastOut
      lastOut = c
    }
    w.finish(into: &buffer)
    return true
  }
}
