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
        .library(name: "CarrierKit", targets: ["CarrierKit"]),
        .library(name: "PortInStore", targets: ["PortInStore"]),
        .library(name: "CarrierSimulator", targets: ["CarrierSimulator"]),
        .library(name: "PortInDocuments", targets: ["PortInDocuments"]),
        .library(name: "PortInServer", targets: ["PortInServer"]),
        .executable(name: "portin", targets: ["portin"]),
        .executable(name: "portin-bench", targets: ["portin-bench"]),
        .executable(name: "carrier-sim", targets: ["carrier-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    ],
    targets: [
        .target(name: "PortInCore", swiftSettings: strict),
        .target(
            name: "CarrierKit",
            dependencies: [
                "PortInCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PortInDocuments",
            dependencies: ["PortInCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "PortInStore",
            dependencies: [
                "PortInCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "CarrierSimulator",
            dependencies: ["CarrierKit", "PortInCore", .product(name: "Vapor", package: "vapor")],
            swiftSettings: strict
        ),
        .target(
            name: "PortInServer",
            dependencies: [
                "PortInCore",
                "CarrierKit",
                "CarrierSimulator",
                "PortInStore",
                "PortInDocuments",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/web")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "carrier-sim",
            dependencies: [
                "CarrierSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "portin",
            dependencies: [
                "PortInCore",
                "PortInServer",
                "PortInStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "portin-bench",
            dependencies: [
                "PortInCore",
                "CarrierKit",
                "CarrierSimulator",
                "PortInServer",
                "PortInStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Test-only helpers shared by the test targets (real child processes without Foundation.Process).
        .target(name: "PortInTestSupport", path: "Tests/PortInTestSupport", swiftSettings: strict),
        .testTarget(name: "PortInCoreTests", dependencies: ["PortInCore"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "PortInCLITests", dependencies: ["portin", "PortInTestSupport"], swiftSettings: strict),
        .testTarget(name: "CarrierKitTests", dependencies: ["CarrierKit", "CarrierSimulator"], swiftSettings: strict),
        .testTarget(name: "PortInDocumentsTests", dependencies: ["PortInDocuments", "PortInCore", "PortInTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "PortInStoreTests", dependencies: ["PortInStore", "PortInCore"], swiftSettings: strict),
        .testTarget(
            name: "PortInServerTests",
            dependencies: [
                "PortInServer", "PortInStore", "PortInCore", "PortInDocuments", "CarrierKit", "CarrierSimulator", "PortInTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CarrierSimulatorTests", dependencies: ["CarrierSimulator", "CarrierKit"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
