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
    var buffer = ScalarBuffer(text)
    var changed = false
    var detected: LegacyEncoding?
    if let legacy, let enc = legacy.detect(buffer.scalars) {
      legacy.convert(&buffer, from: enc)
      detected = enc
      changed = true
    }
    if options.cleanup, cleaner.apply(&buffer) { changed = true }
    if options.nfc, nfc.apply(&buffer) { changed = true }
    if let tone, tone.apply(&buffer.scalars) { changed = true }
    guard changed else {
      return NormalizedText(original: text, text: text, alignment: .identity(count: buffer.inputCount), legacyEncoding: nil)
    }
    return NormalizedText(original: text, text: buffer.string, alignment: buffer.alignment, legacyEncoding: detected)
  }
}
