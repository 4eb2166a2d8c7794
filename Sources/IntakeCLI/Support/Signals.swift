import Foundation

/// SIGINT and SIGTERM, handled on a dispatch queue: the handler learns whether it is the first.
final class Signals: @unchecked Sendable {
    // @unchecked: `count` is only touched on `queue`, a serial queue.
    private let queue = DispatchQueue(label: "intake.signals")
    private var sources: [DispatchSourceSignal] = []
    private var count = 0

    init(_ handler: @escaping @Sendable (_ first: Bool) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in
                count += 1
                handler(count == 1)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
