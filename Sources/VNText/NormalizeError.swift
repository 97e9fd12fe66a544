/// Problems while loading normalisation resources.
public enum NormalizeError: Error, Sendable, CustomStringConvertible {
  case badTable(path: String, line: Int, message: String)
  case missingFile(String)

  public var description: String {
    switch self {
    case .badTable(let path, let line, let message): return "\(path):\(line): \(message)"
    case .missingFile(let path): return "\(path): file not found"
    }
  }
}
