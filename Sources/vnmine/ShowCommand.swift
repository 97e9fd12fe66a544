import ArgumentParser

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "(in progress)")
  func run() throws { throw ValidationError("vnmine show is not available yet") }
}
