/// Slicing a `String` by Unicode scalar offsets, the unit of every offset vnmine reports.
extension String {
  /// The scalars `start..<end` of this string, as a `String` (`text[start:end]` in Python).
  public func scalarSlice(_ start: Int, _ end: Int) -> String {
    let scalars = unicodeScalars
    let a = scalars.index(scalars.startIndex, offsetBy: start)
    let b = scalars.index(a, offsetBy: end - start)
    return String(scalars[a..<b])
  }
}

/// Random access to a text by scalar offset: the scalars decoded once into an array.
public struct ScalarText: Sendable {
  public let scalars: [Unicode.Scalar]
  public init(_ text: String) { scalars = Array(text.unicodeScalars) }
  public var count: Int { scalars.count }
  public func slice(_ start: Int, _ end: Int) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[start..<end])
    return String(s)
  }
}
