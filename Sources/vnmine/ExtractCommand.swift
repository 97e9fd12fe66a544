import ArgumentParser

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "extract", abstract: "(in progress)")
  func run() throws { throw ValidationError("vnmine extract is not available yet") }
}
