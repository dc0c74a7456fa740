import ArgumentParser
import PortInCore

/// `portin numbers inspect`: validity, E.164, country, type and area code of each number.
struct NumbersInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Inspect phone numbers from the arguments, or from stdin (one per line) when there are none.",
        discussion: """
        Default output is one JSON object per line with the keys input, e164, valid, reason, country, \
        type, area_code. Exit status is 0 when all input was read, even if some numbers are invalid.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Option(help: "Output format: json (one object per line) or table.") var format: Format = .json
    @Argument(help: "Numbers to inspect; reads stdin when none are given.") var numbers: [String] = []

    func run() throws {
        let out = BufferedWriter(fd: 1)
        let sink: any InspectionSink = format == .json ? JSONLinesSink(out) : TableSink(out)
        // An IOFailure propagates: ArgumentParser prints it and exits non-zero.
        if numbers.isEmpty {
            try LineReader(fd: 0).forEachLine { line in
                if Self.isBlank(line) { return }
                try sink.emit(input: line, PhoneNumberClassifier.classify(utf8: line))
            }
        } else {
            for number in numbers {
                var text = number
                text.makeContiguousUTF8()
                try text.utf8.withContiguousStorageIfAvailable { bytes in
                    try sink.emit(input: bytes, PhoneNumberClassifier.classify(utf8: bytes))
                }
            }
        }
        try sink.finish()
        try out.flush()
    }

    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

/// Where inspected numbers go.
protocol InspectionSink {
    func emit(input: UnsafeBufferPointer<UInt8>, _ result: PhoneNumberClassifier.Classification) throws
    func finish() throws
}
