import Testing
@testable import VNPipeline
