import Testing
import VNCore
import VNTestSupport
import VNText
import VNTokenize
@testable import VNExtract

/// The Annotator-like chain: TextNormalizer → Tokenizer → Extractor, as VNPipeline runs it.
@Test("normalise → tokenize → extract on the seed press release gives the same entities as normalise → extract")
func fullChain() throws {
  let models = ModelDirectory(path: SharedData.modelsPath)
  let normalizer = TextNormalizer(options: NormalizationOptions(), legacy: try LegacyDecoder.load(from: models))
  let tokenizer = try Tokenizer.load(from: models)
  let worker = try tokenizer.makeWorker()
  let extractor = try Extractor.load(from: models, overlay: nil)
  let text = try OfficialsTests.seedText()
  let normalized = normalizer.normalize(text)
  let full = extractor.extract(normalized, worker.tokenize(normalized))
  #expect(full.entities == extractor.extract(normalized).entities)
  #expect(full.entities.count == 40)
}
