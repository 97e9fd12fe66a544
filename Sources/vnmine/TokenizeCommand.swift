import ArgumentParser
import Foundation
import VNCore
import VNOutput
import VNPipeline
import VNText
import VNTokenize

struct TokenizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize",
    abstract: "Split Vietnamese text into sentences, syllables and words, with code-point offsets."
  )

  enum Format: String, ExpressibleByArgument { case jsonl, text }

  @OptionGroup var input: InputOptions
  @OptionGroup var normalization: NormalizationFlags
  @Option(help: "Output: jsonl (text, sentences, tokens with offsets) or text (one sentence per line, words joined by _).")
  var format: Format = .jsonl
  @Option(help: "Your own word list (one word per line), added to the lexicon without rebuilding.")
  var userWords: String?
  @Flag(help: "Do not group syllables into words.")
  var syllables = false

  func run() throws {
    let models = try input.modelDirectory()
    let normalizer = try normalization.makeNormalizer(models)
    var tokenizer = try Tokenizer.load(from: models, userWords: readUserWords(userWords))
    tokenizer.segmentWords = !syllables
    let worker = try tokenizer.makeWorker()
    let docs = try input.readDocuments()
    var out = StandardOutput()
    var w = JSONWriter(capacity: 1 << 16)
    for doc in docs {
      let normalized = normalizer.normalize(doc.text)
      let result = worker.tokenize(normalized)
      let scalars = ScalarText(doc.text)
      switch format {
      case .text:
        out.write(TokenText.lines(result, scalars, oneLine: input.lines))
      case .jsonl:
        w.reset()
        w.beginObject()
        w.key("source"); w.string(doc.source)
        if let line = doc.line { w.key("line"); w.int(line) }
        w.key("text"); w.string(doc.text)
        RecordWriter.writeTokens(result, scalars, into: &w)
        w.endObject()
        w.newline()
        out.write(w.bytes)
      }
    }
    out.flush()
  }
}

/// The text form of tokenized output: one sentence per line, tokens separated by a space, the
/// syllables of a word joined by `_` (`Bộ Công_an ban_hành …`).
enum TokenText {
  static func lines(_ r: TokenizedText, _ text: ScalarText, oneLine: Bool) -> String {
    var out = String.UnicodeScalarView()
    var sentence = 0
    var first = true
    for t in r.tokens {
      if !oneLine {
        while sentence < r.sentences.count && r.sentences[sentence].end <= t.start {
          sentence += 1
          if !first { out.append("\n"); first = true }
        }
      }
      if !first { out.append(" ") }
      first = false
      var lastSpace = false
      for s in text.scalars[t.start..<t.end] {
        if s.properties.isWhitespace { if !lastSpace { out.append("_") }; lastSpace = true }
        else { out.append(s); lastSpace = false }
      }
    }
    out.append("\n")
    return String(out)
  }
}
