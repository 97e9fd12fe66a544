import Testing
@testable import VNExtract
