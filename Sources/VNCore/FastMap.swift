/// An open-addressing hash map from `UInt64` keys, for the tokenizer's hot lookups.
///
/// Swift's `Dictionary` hashes with SipHash, which dominated the tokenizer's profile (one lookup per
/// syllable and up to four per word candidate). Keys here are already well-mixed hashes or packed ids,
/// so a multiplicative hash and linear probing are enough. Read-only after building; `Sendable`.
@frozen
public struct FastMap<Value: Sendable>: Sendable {
  @usableFromInline var keys: [UInt64]
  @usableFromInline var values: [Value?]
  @usableFromInline var shift: UInt64
  @usableFromInline var mask: Int
  public private(set) var count = 0
  @usableFromInline static var empty: UInt64 { UInt64.max }

  public init(capacity: Int = 16) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = [UInt64](repeating: Self.empty, count: size)
    values = [Value?](repeating: nil, count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  @inlinable @inline(__always) func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  @inlinable @inline(__always) static func fix(_ key: UInt64) -> UInt64 { key == empty ? empty - 1 : key }

  @inlinable
  public subscript(key: UInt64) -> Value? {
    get {
      let k = Self.fix(key)
      var i = slot(k)
      while true {
        let found = keys[i]
        if found == k { return values[i] }
        if found == Self.empty { return nil }
        i = (i + 1) & mask
      }
    }
    set { set(key, newValue) }
  }

  @usableFromInline mutating func set(_ key: UInt64, _ newValue: Value?) {
    guard let newValue else { return }  // removal is not needed by its users
    if (count + 1) * 2 > keys.count { grow() }
    let k = Self.fix(key)
    var i = slot(k)
    while true {
      let found = keys[i]
      if found == k { values[i] = newValue; return }
      if found == Self.empty { keys[i] = k; values[i] = newValue; count += 1; return }
      i = (i + 1) & mask
    }
  }

  @usableFromInline mutating func grow() {
    var bigger = FastMap(capacity: keys.count)
    for (i, k) in keys.enumerated() where k != Self.empty { bigger[k] = values[i] }
    self = bigger
  }

  /// Every (key, value) pair, in no particular order.
  public var pairs: [(UInt64, Value)] {
    var out: [(UInt64, Value)] = []
    for (i, k) in keys.enumerated() where k != Self.empty { out.append((k, values[i]!)) }
    return out
  }
}
