/// Maps positions in a transformed text back to positions in the text it came from.
///
/// Positions are Unicode scalar (code point) offsets, the unit of every `start`/`end` vnmine reports.
/// `origin[i]` is the original offset of transformed scalar `i`; `origin[count]` is the original length.
/// A transformed scalar that replaced several original ones (`o` + U+0300 → `ò`) points at the first;
/// one inserted by a repair (the space in `yêu cầu,thời gian` → `yêu cầu, thời gian`) points at the
/// original scalar that follows it, so it never widens a span.
/// An identity alignment stores nothing.
public struct TextAlignment: Sendable, Equatable {
  /// `nil` means identity.
  public private(set) var origin: [Int32]?
  public let originalCount: Int

  public static func identity(count: Int) -> TextAlignment { TextAlignment(origin: nil, originalCount: count) }

  public init(origin: [Int32]?, originalCount: Int) {
    self.origin = origin
    self.originalCount = originalCount
  }

  public var isIdentity: Bool { origin == nil }

  /// The original offset of transformed offset `i` (a start position).
  @inline(__always)
  public func originalStart(_ i: Int) -> Int {
    guard let origin else { return i }
    return Int(origin[i])
  }

  /// Maps a transformed span `start..<end` to the original span.
  ///
  /// The end is the origin of the scalar after the span; when that equals the start's origin (one
  /// original scalar expanded into several, e.g. a legacy letter into base + mark) the span runs to the
  /// next original scalar, so it is never empty.
  public func originalRange(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
    guard let origin else { return (start, end) }
    let a = Int(origin[start])
    if start == end { return (a, a) }
    var j = end
    var b = Int(origin[j])
    while b <= a && j < origin.count - 1 { j += 1; b = Int(origin[j]) }
    return (a, max(a, b))
  }

  /// The alignment of applying `self` first and then `next` (whose original is `self`'s output).
  public func then(_ next: TextAlignment) -> TextAlignment {
    guard let second = next.origin else { return self }
    guard let first = origin else { return TextAlignment(origin: second, originalCount: originalCount) }
    var out = [Int32](repeating: 0, count: second.count)
    for i in 0..<second.count { out[i] = first[Int(second[i])] }
    return TextAlignment(origin: out, originalCount: originalCount)
  }
}
