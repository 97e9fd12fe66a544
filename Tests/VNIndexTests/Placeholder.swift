import Testing
@testable import VNIndex
