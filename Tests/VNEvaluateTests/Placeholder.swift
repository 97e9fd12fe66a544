import Testing
@testable import VNEvaluate
