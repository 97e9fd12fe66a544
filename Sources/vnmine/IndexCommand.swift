import ArgumentParser

struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "index", abstract: "(in progress)")
  func run() throws { throw ValidationError("vnmine index is not available yet") }
}
