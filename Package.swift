// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
]

/// Hot text-processing targets: release builds skip run-time exclusivity checks (the tokenizer's
/// profile showed them at ~5%); debug builds and tests keep them.
let hot: [SwiftSetting] = strict + [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
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
    .target(name: "VNCore", swiftSettings: hot),
    .target(name: "VNText", dependencies: ["VNCore", "CICUShim"], swiftSettings: hot),
    .target(name: "VNTokenize", dependencies: ["VNCore", "VNText", "CICUShim"], swiftSettings: hot),
    .target(name: "VNOutput", dependencies: ["VNCore", "VNText", "CZlibShim"], swiftSettings: strict),
    .target(name: "VNExtract", dependencies: ["VNCore", "VNText"], swiftSettings: hot),
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
    .testTarget(name: "VNPipelineTests", dependencies: ["VNPipeline", "VNOutput", "VNTestSupport", .product(name: "PropertyBased", package: "swift-property-based")], swiftSettings: strict),
    .testTarget(name: "VNEvaluateTests", dependencies: ["VNEvaluate", "VNTestSupport"], swiftSettings: strict),
    .testTarget(name: "VNIndexTests", dependencies: ["VNIndex", "VNTestSupport"], exclude: ["Fixtures"], swiftSettings: strict),
  ]
)

// Benchmarks are opt-in: `VNMINE_BENCH=1 swift build -c release --product vnbench` (see scripts/bench-*.sh).
// A normal build never compiles them.
if Context.environment["VNMINE_BENCH"] == "1" {
  package.targets.append(.executableTarget(
    name: "vnbench",
    dependencies: ["VNCore", "VNText", "VNTokenize", "VNExtract", "VNPipeline", "VNOutput", "CICUShim"],
    path: "Benchmarks/VNBench"
  ))
  package.products.append(.executable(name: "vnbench", targets: ["vnbench"]))
}
