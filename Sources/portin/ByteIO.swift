#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An I/O failure on a file descriptor (errno).
struct IOFailure: Error, CustomStringConvertible {
    var operation: String
    var code: Int32
    var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
}

/// Reads a file descriptor in large chunks and hands out its lines as byte buffers, without copying
/// them and in constant memory (the buffer grows only for a line longer than it).
struct LineReader {
    let fd: Int32
    var chunkSize = 1 << 20

    /// Calls `body` with each line (without "\n" or a trailing "\r").
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0  // bytes in buffer[0..<filled]; the unfinished line starts at 0
        var atEnd = false
        while !atEnd {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let got = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw IOFailure(operation: "read", code: errno)
            }
            if got == 0 { atEnd = true }
            let end = filled + got
            let consumed = try buffer.withUnsafeBufferPointer { all -> Int in
                var start = 0
                var i = filled
                while i < end {
                    guard let base = all.baseAddress,
                          let hit = memchr(base + i, Int32(UInt8(ascii: "\n")), end - i) else { break }
                    let newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    try body(Self.line(all, start, newline))
                    start = newline + 1
                    i = start
                }
                if atEnd, start < end {
                    try body(Self.line(all, start, end))
                    start = end
                }
                return start
            }
            // Move the unfinished line to the front.
            let rest = end - consumed
            if rest > 0, consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    _ = memmove(all.baseAddress!, all.baseAddress! + consumed, rest)
                }
            }
            filled = rest
        }
    }

    private static func line(_ all: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        var stop = end
        if stop > start, all[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
        return UnsafeBufferPointer(rebasing: all[start..<stop])
    }
}

/// Collects output bytes in one growable block and writes them to a file descriptor in large writes;
/// appends never allocate once the block is big enough.
final class BufferedWriter {
    private let fd: Int32
    private var storage: UnsafeMutablePointer<UInt8>
    private var allocated: Int
    private var count = 0
    private let blockSize: Int

    init(fd: Int32, blockSize: Int = 1 << 16) {
        self.fd = fd
        self.blockSize = blockSize
        allocated = blockSize * 2
        storage = .allocate(capacity: allocated)
    }

    deinit { storage.deallocate() }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra <= allocated { return }
        var size = allocated
        while count + extra > size { size *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        allocated = size
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    func appendString(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Writes out the buffer once it holds a block's worth.
    @inline(__always)
    func flushIfFull() throws { if count >= blockSize { try flush() } }

    func flush() throws {
        var offset = 0
        while offset < count {
            let wrote = write(fd, storage + offset, count - offset)
            if wrote < 0 {
                if errno == EINTR { continue }
                throw IOFailure(operation: "write", code: errno)
            }
            offset += wrote
        }
        count = 0
    }
}
