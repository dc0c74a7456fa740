import ArgumentParser
import Foundation
import PortInCore

/// `portin-bench numbers`: our classifier against Python phonenumbers on the same generated numbers.
struct NumbersBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Phone number classification rate vs Python phonenumbers (parse + is_valid + number_type)."
    )

    @Option(help: "How many numbers to generate.") var count = 1_000_000
    @Option(help: "Seed for the generated numbers.") var seed: UInt64 = 42
    @Option(help: "Timed runs of our classifier; the best is reported.") var runs = 5
    @Option(help: "The Python baseline script.") var script = NumbersBench.defaultScript

    static var defaultScript: String {
        // The script ships in the repository next to Sources/; this is a developer tool run from a checkout.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench_phonenumbers.py").path
    }

    func run() throws {
        let inputs = NumberCorpus(count: count, seed: seed)
        print("numbers: \(count) generated (seed \(seed)), \(inputs.bytes.count) bytes")

        var best = Double.infinity
        var validCount = 0
        for _ in 0..<max(1, runs) {
            let (seconds, valid) = inputs.timeClassification()
            best = min(best, seconds)
            validCount = valid
        }
        let ours = Double(count) / best
        print(String(format: "PortInCore:   %10.0f numbers/s  (best of %d: %.3f s, %d valid)", ours, runs, best, validCount))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("portin-bench-numbers-\(seed)-\(count).txt")
        try Data(inputs.bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let baseline = try PythonBaseline.run(script: script, file: file)
        let theirs = Double(baseline.count) / baseline.seconds
        print(String(format: "phonenumbers: %10.0f numbers/s  (%.3f s, %d valid, Python phonenumbers %@)",
                     theirs, baseline.seconds, baseline.valid, baseline.version))
        print(String(format: "ratio:        %10.1fx", ours / theirs))
    }
}

/// Deterministic, realistic mixed input: mostly NANP as people type it, some international, some invalid.
struct NumberCorpus {
    /// All inputs, each followed by "\n" (also the file handed to Python).
    var bytes: [UInt8] = []
    /// Start and end of each input in `bytes`.
    var ranges: [Range<Int>] = []

    init(count: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let npas = [201, 202, 203, 205, 206, 212, 213, 214, 215, 305, 310, 312, 313, 404, 408, 415, 416, 469, 503,
                    512, 514, 602, 604, 617, 646, 650, 702, 713, 718, 773, 787, 805, 818, 876, 905, 917, 949, 972]
        let tollFree = [800, 833, 844, 855, 866, 877, 888]
        let international = ["+44 20 7946 0958", "+44 7700 900123", "+49 30 123456", "+49 1512 3456789",
                             "+33 1 23 45 67 89", "+34 912 345 678", "+39 06 4991 0000", "+31 20 123 4567",
                             "+353 1 234 5678", "+61 2 9876 5432", "+91 98765 43210", "+55 11 91234 5678",
                             "+52 55 1234 5678", "+81 3 1234 5678", "+7 495 123 45 67", "+86 10 1234 5678",
                             "+800 1234 5678", "+44 800 123 4567"]
        let invalid = ["", "n/a", "1-800-FLOWERS", "415 555 2671 x123", "555-2671", "(415) 555-01", "+999 123 4567",
                       "123-456-7890", "415-911-2671", "(415) 555-0123", "+1 415 555 26711", "call me"]
        bytes.reserveCapacity(count * 16)
        ranges.reserveCapacity(count)
        for _ in 0..<count {
            let roll = rng.next() % 100
            let text: String
            if roll < 72 {
                let npa = rng.next() % 4 == 0 ? Int(200 + rng.next() % 800) : npas[Int(rng.next() % UInt64(npas.count))]
                text = Self.typed(npa: npa, nxx: Int(200 + rng.next() % 800), line: Int(rng.next() % 10_000), rng: &rng)
            } else if roll < 80 {
                text = Self.typed(npa: tollFree[Int(rng.next() % 7)], nxx: Int(200 + rng.next() % 800),
                                  line: Int(rng.next() % 10_000), rng: &rng)
            } else if roll < 92 {
                text = international[Int(rng.next() % UInt64(international.count))]
            } else {
                text = invalid[Int(rng.next() % UInt64(invalid.count))]
            }
            let start = bytes.count
            bytes += text.utf8
            ranges.append(start..<bytes.count)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    static func typed(npa: Int, nxx: Int, line: Int, rng: inout SplitMix64) -> String {
        let a = String(npa), b = String(nxx), c = String(line + 10_000).dropFirst()
        switch rng.next() % 8 {
        case 0: return "(\(a)) \(b)-\(c)"
        case 1: return "\(a)-\(b)-\(c)"
        case 2: return "\(a).\(b).\(c)"
        case 3: return "1-\(a)-\(b)-\(c)"
        case 4: return "+1 \(a) \(b) \(c)"
        case 5: return "+1\(a)\(b)\(c)"
        case 6: return "\(a)\(b)\(c)"
        default: return "tel:+1-\(a)-\(b)-\(c)"
        }
    }

    /// One pass over all inputs on this thread; returns elapsed seconds and how many were valid.
    func timeClassification() -> (Double, Int) {
        bytes.withUnsafeBufferPointer { all in
            let clock = ContinuousClock()
            var valid = 0
            var checksum: UInt64 = 0
            let start = clock.now
            for range in ranges {
                let result = PhoneNumberClassifier.classify(utf8: UnsafeBufferPointer(rebasing: all[range]))
                if result.isValid { valid += 1 }
                checksum &+= result.e164Digits
            }
            let elapsed = clock.now - start
            // Keep the work observable so the optimiser cannot drop it.
            if checksum == 1 { print("") }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return (seconds, valid)
        }
    }
}

/// Runs scripts/bench_phonenumbers.py and reads its JSON report.
enum PythonBaseline {
    struct Report: Decodable {
        var count: Int
        var seconds: Double
        var valid: Int
        var version: String
    }

    static func run(script: String, file: URL) throws -> Report {
        guard FileManager.default.fileExists(atPath: script) else {
            throw ValidationError("baseline script not found: \(script) (pass --script)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        do {
            try process.run()
        } catch {
            throw ValidationError("cannot run python3: \(error.localizedDescription); install Python 3 and `pip install phonenumbers`")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError(process.terminationStatus == 127
                ? "python3 not found: install Python 3 and `pip install phonenumbers`"
                : "the Python baseline failed (status \(process.terminationStatus)); is phonenumbers installed? `pip install phonenumbers`")
        }
        return try JSONDecoder().decode(Report.self, from: data)
    }
}

/// A small, fast, seedable generator so every run sees the same numbers.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
