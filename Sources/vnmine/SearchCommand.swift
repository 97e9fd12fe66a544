import ArgumentParser

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "search", abstract: "(in progress)")
  func run() throws { throw ValidationError("vnmine search is not available yet") }
}
