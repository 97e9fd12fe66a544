import VNCore

/// Which normalisation steps run; each can be switched off.
public struct NormalizationOptions: Sendable, Equatable {
  /// Detect TCVN3 (ABC) and VNI mojibake and convert it to Unicode.
  public var legacy: Bool = true
  /// Drop invisible junk, fold Unicode spaces, `ð` → `đ`.
  public var cleanup: Bool = true
  /// Insert the missing space after `,` `;` `:` before a letter (part of cleanup).
  public var spacing: Bool = true
  /// Unicode NFC.
  public var nfc: Bool = true
  /// Tone-mark placement to emit; nil keeps each syllable as written.
  public var toneStyle: ToneStyle? = .classic

  public init() {}

  public init(legacy: Bool, cleanup: Bool, spacing: Bool, nfc: Bool, toneStyle: ToneStyle?) {
    self.legacy = legacy; self.cleanup = cleanup; self.spacing = spacing; self.nfc = nfc; self.toneStyle = toneStyle
  }
}

/// A normalised text and the way back to the original.
public struct NormalizedText: Sendable {
  /// The original text, as read.
  public let original: String
  /// The normalised text.
  public let text: String
  /// Maps scalar offsets in `text` to scalar offsets in `original`.
  public let alignment: TextAlignment
  /// The legacy encoding that was detected and converted, if any.
  public let legacyEncoding: LegacyEncoding?

  public var changed: Bool { text != original || !alignment.isIdentity }
}

/// Runs the normalisation steps in order: legacy decoding → cleanup → NFC → tone placement.
///
/// `Thuỷ  tướng,Bộ Công an` (NBSP, modern tone, missing space) → `Thủy tướng, Bộ Công an`, with every
/// scalar of the result mapped back to the original. NFC runs after legacy decoding because VNI and
/// Windows-1258 produce base letters followed by combining marks.
public struct TextNormalizer: Sendable {
  public let options: NormalizationOptions
  let legacy: LegacyDecoder?
  let cleaner: TextCleaner
  let tone: ToneMarkNormalizer?
  let nfc = UnicodeNFC()

  /// - Parameter legacy: conversion tables, loaded once by the caller (`nil` disables the step).
  public init(options: NormalizationOptions = NormalizationOptions(), legacy: LegacyDecoder? = nil) {
    self.options = options
    self.legacy = options.legacy ? legacy : nil
    self.cleaner = TextCleaner(repairSpacing: options.spacing)
    self.tone = options.toneStyle.map { ToneMarkNormalizer(style: $0) }
  }

  public func normalize(_ text: String) -> NormalizedText {
    var text = text
    // Decide on UTF-8 bytes which steps could change anything; clean text is returned untouched.
    let needs: (legacy: Bool, cleanup: Bool, nfc: Bool, tone: Bool, count: Int) = text.withUTF8 { b in
      let scan = Utf8Scan.mayNeedCleanupOrNFC(b, cleanup: options.cleanup, repairSpacing: options.spacing, nfc: options.nfc)
      return (legacy != nil && Utf8Scan.hasLatin1(b) && !Utf8Scan.hasGenuineVietnamese(b),
              scan.cleanup, scan.nfc,
              tone.map { Utf8Scan.mayNeedTone(b, style: $0.style) } ?? false,
              Utf8Scan.scalarCount(b))
    }
    var toneNeeded = needs.tone
    guard needs.legacy || needs.cleanup || needs.nfc || toneNeeded else {
      return NormalizedText(original: text, text: text, alignment: .identity(count: needs.count), legacyEncoding: nil)
    }
    var buffer = ScalarBuffer(text)
    var changed = false
    var detected: LegacyEncoding?
    if needs.legacy, let legacy, let enc = legacy.detect(buffer.scalars) {
      legacy.convert(&buffer, from: enc)
      detected = enc
      changed = true
    }
    // After a legacy conversion every later step must look again.
    let all = detected != nil
    var dropped = false
    if options.cleanup, needs.cleanup || all, cleaner.apply(&buffer, dropped: &dropped) {
      changed = true
      // Removing junk can join a syllable's letters: look again.
      if let tone, !toneNeeded, dropped { toneNeeded = Utf8Scan.mayNeedTone(buffer.scalars, style: tone.style) }
    }
    if options.nfc, needs.nfc || all, nfc.apply(&buffer) {
      changed = true
      if let tone, !toneNeeded { toneNeeded = Utf8Scan.mayNeedTone(buffer.scalars, style: tone.style) }
    }
    if let tone, toneNeeded || all, tone.apply(&buffer.scalars) { changed = true }
    guard changed else {
      return NormalizedText(original: text, text: text, alignment: .identity(count: buffer.inputCount), legacyEncoding: nil)
    }
    return NormalizedText(original: text, text: buffer.string, alignment: buffer.alignment, legacyEncoding: detected)
  }
}
