// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "vnmine",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "vnmine", targets: ["vnmine"]),
    .library(name: "VNTokenize", targets: ["VNTokenize"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // The only target that includes <unicode/*.h>; its public header uses <stdint.h> types only.
    .target(
      name: "CICUShim",
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
    ),
    .target(name: "CZlibShim", linkerSettings: [.linkedLibrary("z")]),
    .target(name: "VNCore", swiftSettings: strict),
    .target(name: "VNText", dependencies: ["VNCore", "CICUShim"], swiftSettings: strict),
    .target(name: "VNTokenize", dependencies: ["VNCore", "VNText", "CICUShim"], swiftSettings: strict),
    .target(name: "VNOutput", dependencies: ["VNCore", "VNText", "CZlibShim"], swiftSettings: strict),
    .target(name: "VNExtract", dependencies: ["VNCore", "VNText", "VNTokenize"], swiftSettings: strict),
    .target(name: "VNPipeline", dependencies: ["VNCore", "VNText", "VNTokenize", "VNExtract", "VNOutput"], swiftSettings: strict),
    .target(name: "VNEvaluate", dependencies: ["VNCore", "VNText", "VNOutput"], swiftSettings: strict),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .target(name: "VNIndex", dependencies: ["VNCore", "VNText", "CSQLite"], swiftSettings: strict),
    .executableTarget(
      name: "vnmine",
      dependencies: [
        "VNCore", "VNText", "VNTokenize", "VNOutput", "VNExtract", "VNPipeline", "VNEvaluate", "VNIndex",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    .target(name: "VNTestSupport", dependencies: ["VNCore"], path: "Tests/VNTestSupport", swiftSettings: strict),
    .testTarget(
      name: "VNTextTests",
      dependencies: ["VNText", "VNTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
      resources: [.copy("Fixtures")],
      swiftSettings: strict
    ),
    .testTarget(
      name: "VNTokenizeTests",
      dependencies: ["VNTokenize", "VNTestSupport", "VNOutput", .product(name: "PropertyBased", package: "swift-property-based")],
      swiftSettings: strict
    ),
    .testTarget(name: "VNExtractTests", dependencies: ["VNExtract", "VNTestSupport"], swiftSettings: strict),
    .testTarget(name: "VNPipelineTests", dependencies: ["VNPipeline", "VNTestSupport"], swiftSettings: strict),
    .testTarget(name: "VNEvaluateTests", dependencies: ["VNEvaluate", "VNTestSupport"], swiftSettings: strict),
    .testTarget(name: "VNIndexTests", dependencies: ["VNIndex", "VNTestSupport"], swiftSettings: strict),
  ]
)
