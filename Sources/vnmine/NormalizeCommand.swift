import ArgumentParser
import VNOutput
import VNText

struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Normalise Vietnamese text: legacy encodings, cleanup, NFC, one tone-mark placement, search keys."
  )

  enum Format: String, ExpressibleByArgument { case text, jsonl }

  @OptionGroup var input: InputOptions
  @OptionGroup var normalization: NormalizationFlags
  @Option(help: "Output: text (the normalised text) or jsonl (text, search key and alignment per document).")
  var format: Format = .text
  @Flag(help: "Print the search key (lower case, no marks, đ → d) instead of the normalised text.")
  var searchKey = false

  func run() throws {
    let models = try input.modelDirectory()
    let normalizer = try normalization.makeNormalizer(models)
    let folder = SearchKeyFolder()
    let docs = try input.readDocuments()
    var out = StandardOutput()
    for doc in docs {
      let n = normalizer.normalize(doc.text)
      let key = folder.key(n.text)
      let text = searchKey ? key : n.text
      switch format {
      case .text:
        out.write(text)
        if input.lines || !text.hasSuffix("\n") { out.write("\n") }
      case .jsonl:
        var w = JSONWriter()
        w.beginObject()
        w.key("source"); w.string(doc.source)
        if let line = doc.line { w.key("line"); w.int(line) }
        w.key("original"); w.string(doc.text)
        w.key("text"); w.string(n.text)
        w.key("search_key"); w.string(key)
        w.key("legacy_encoding"); if let e = n.legacyEncoding { w.string(e.rawValue) } else { w.null() }
        w.key("changed"); w.bool(n.changed)
        w.endObject()
        w.newline()
        out.write(w.bytes)
      }
    }
    out.flush()
  }
}
