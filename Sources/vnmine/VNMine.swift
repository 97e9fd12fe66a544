import ArgumentParser

@main
struct VNMine: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vnmine",
    abstract: "Mine Vietnamese news: normalise, tokenize and extract officials, units and directives.",
    version: "0.1.0",
    subcommands: [
      NormalizeCommand.self, TokenizeCommand.self, ExtractCommand.self, EvalCommand.self, IndexCommand.self,
      SearchCommand.self, ShowCommand.self,
    ]
  )
}
