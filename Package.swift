// swift-tools-version:6.1
import PackageDescription

// Layered modules (see docs/ARCHITECTURE.md): dependencies point downward only and
// PortInCore imports nothing but Foundation.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PortIn",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PortInCore", targets: ["PortInCore"]),
        .executable(name: "portin", targets: ["portin"]),
        .executable(name: "portin-bench", targets: ["portin-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "PortInCore", swiftSettings: strict),
        .executableTarget(
            name: "portin",
            dependencies: [
                "PortInCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "portin-bench",
            dependencies: [
                "PortInCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "PortInCoreTests", dependencies: ["PortInCore"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "PortInCLITests", dependencies: ["portin"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
