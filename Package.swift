// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "intake",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intake", targets: ["IntakeCLI"]),
        .executable(name: "intake-bench", targets: ["IntakeBench"]),
        // For the libFuzzer harnesses of fuzz/ (a package of its own, built with sanitizers).
        .library(name: "IntakeReaders", targets: ["Readers", "Catalog", "IntakeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The clerk console (`intake console`); no swift-configuration, so no default traits.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // C libraries: one system-library target each, wrapped once by a thin Swift module.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(name: "PangoCairo", dependencies: ["CPangoCairo"]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "Poppler", dependencies: ["CPoppler", "IntakeCore"]),
        // Scanner and phone images: libpng, TurboJPEG, libtiff and libexif, wrapped by Images.
        .systemLibrary(name: "CImageCodecs", providers: [.apt(["libpng-dev", "libturbojpeg0-dev", "libtiff-dev", "libexif-dev"])]),
        .target(name: "Images", dependencies: ["CImageCodecs"]),

        // Pipeline steps.
        .target(name: "IntakeCore"),
        .target(name: "Catalog", dependencies: ["IntakeCore", .product(name: "Yams", package: "Yams")]),
        // The layout engine over positioned glyphs: no C, so that fence stays compiler-enforced.
        .target(name: "FormReading", dependencies: ["IntakeCore", "Catalog"]),
        .target(name: "OCR", dependencies: ["IntakeCore"]),
        // Every way a file becomes a `Submission`: XML/, PDF/ (typed, AcroForm, scans), Bundles/, Materials/.
        .target(name: "Readers", dependencies: [
            "IntakeCore", "Catalog", "FormReading", "LibXML", "Poppler", "Images", "OCR",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Checks", dependencies: ["IntakeCore", "Catalog"]),
        .target(name: "Render", dependencies: ["IntakeCore", "Catalog", "PangoCairo"]),
        // `intake generate`: synthetic submissions (XML and typed PDFs) with injected faults, for tests and benchmarks.
        .target(name: "Generate", dependencies: ["IntakeCore", "Catalog", "Render"]),
        .target(name: "Pipeline", dependencies: [
            "IntakeCore", "Catalog", "Readers", "Checks", "Render",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Ledger", dependencies: [
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "Inbox", dependencies: [
            "Pipeline", "Ledger", "IntakeCore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `intake revalidate`: the work list, the runner, the history; and its report.
        .target(name: "Report", dependencies: ["IntakeCore"]),
        .target(name: "Revalidate", dependencies: [
            "Pipeline", "Ledger", "IntakeCore", "Catalog", "Report",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `intake console`: the window's web console over the same pipeline, ledger and folders.
        .target(name: "Console", dependencies: [
            "Pipeline", "Ledger", "Catalog", "IntakeCore", "Generate",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Assets")]),
        .executableTarget(name: "IntakeCLI", dependencies: [
            "Pipeline", "Catalog", "Render", "IntakeCore", "Inbox", "Ledger",
            "Revalidate", "Report", "Console",
            "Generate",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Benchmarks that print their figures (README, "Figures").
        .executableTarget(name: "IntakeBench", dependencies: ["Inbox", "Ledger", "Pipeline", "Catalog",
                                                              "Generate", "Render", "IntakeCore", "Readers", "Poppler",
                                                              .product(name: "Logging", package: "swift-log")]),

        // Shared by the test targets: repository paths, the real catalog, temp folders, tools.
        .target(name: "IntakeTestSupport", dependencies: ["Catalog", "IntakeCore"]),

        .testTarget(name: "IntakeCoreTests", dependencies: ["IntakeCore"]),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "IntakeCore", "IntakeTestSupport"]),
        .testTarget(name: "ReadersTests", dependencies: ["Readers", "Pipeline", "FormReading", "Poppler", "Images", "OCR", "Catalog", "IntakeCore", "IntakeTestSupport"]),
        .testTarget(name: "PopplerTests", dependencies: ["Poppler", "IntakeTestSupport"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images", "IntakeTestSupport"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "Catalog", "IntakeCore", "IntakeTestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Catalog", "PangoCairo", "IntakeCore"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Catalog", "IntakeCore", "Readers", "IntakeTestSupport"]),
        .testTarget(name: "IntakeCLITests", dependencies: ["IntakeTestSupport", "Ledger"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "IntakeTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "InboxTests", dependencies: ["Inbox", "Ledger", "Pipeline", "IntakeTestSupport"]),
        .testTarget(name: "RevalidateTests", dependencies: ["Revalidate", "Report", "Ledger", "IntakeCore", "IntakeTestSupport"]),
        .testTarget(name: "OCRTests", dependencies: ["OCR", "IntakeCore", "IntakeTestSupport"]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "Pipeline", "Catalog", "IntakeCore", "IntakeTestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: [
            "Console", "Ledger", "Pipeline", "Readers", "Catalog", "IntakeCore", "IntakeTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "FormReadingTests", dependencies: ["FormReading", "Catalog", "IntakeCore", "IntakeTestSupport"]),
    ]
)
