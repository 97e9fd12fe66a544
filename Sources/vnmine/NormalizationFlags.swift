import ArgumentParser
import VNText

/// Flags that switch normalisation steps on and off.
struct NormalizationFlags: ParsableArguments {
  @Option(help: "Tone-mark placement: classic (hòa, thủy, khỏe, ủy) or modern (hoà, thuỷ, khoẻ, uỷ).")
  var toneStyle: ToneStyle = .classic
  @Flag(help: "Keep each syllable's tone mark where it is.")
  var keepTones = false
  @Flag(help: "Do not detect and convert TCVN3/VNI mojibake.")
  var noLegacy = false
  @Flag(help: "Do not remove invisible characters or fold Unicode spaces.")
  var noCleanup = false
  @Flag(help: "Do not insert the missing space after , ; : before a letter.")
  var noSpacing = false
  @Flag(help: "Do not apply Unicode NFC.")
  var noNfc = false

  var options: NormalizationOptions {
    NormalizationOptions(legacy: !noLegacy, cleanup: !noCleanup, spacing: !noSpacing && !noCleanup, nfc: !noNfc,
                         toneStyle: keepTones ? nil : toneStyle)
  }

  func makeNormalizer(_ models: ModelDirectory) throws -> TextNormalizer {
    let legacy = noLegacy ? nil : try LegacyDecoder.load(from: models)
    return TextNormalizer(options: options, legacy: legacy)
  }
}
