// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for intake's readers, kept out of the main package so that its build and
// target count stay as they are. `make fuzz` builds this with -sanitize=fuzzer,address. The
// dependency goes through the symbolic link `intake` (to ..) so that its identity is "intake"
// whatever the clone's folder is called.
let package = Package(
    name: "intake-fuzz",
    dependencies: [.package(path: "intake")],
    targets: [
        .executableTarget(name: "IntakeFuzz", dependencies: [.product(name: "IntakeReaders", package: "intake")]),
    ]
)
