import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, for tests that run real tools and servers.
///
/// Not `Foundation.Process`: on Linux its `run()` reads `/proc/self/fd` with a 256-byte copy of each
/// directory entry and crashes now and then when one sits at the end of glibc's buffer
/// (swift-corelibs-foundation PR #5472, fixed after Swift 6.3.1). Our test process holds many
/// descriptors and spawns hundreds of children, so CI met it. Pipes here are created close-on-exec,
/// so no child inherits another test's pipe ends.
public final class ChildProcess: @unchecked Sendable {
    /// Where a child's standard stream goes.
    public enum Stream: Sendable {
        case inherit
        case null
        /// A file: for output created or truncated, for input read.
        case file(String)
        /// A pipe whose other end is `stdin` / `stdout` / `stderr` of the returned process.
        case pipe
    }

    public let pid: pid_t
    /// The parent's ends of the streams given as `.pipe` (nil otherwise).
    public let stdin: FileHandle?
    public let stdout: FileHandle?
    public let stderr: FileHandle?
    private let lock = NSLock()
    private var status: Int32?

    private init(pid: pid_t, stdin: FileHandle?, stdout: FileHandle?, stderr: FileHandle?) {
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` (a path, or a name looked up in `PATH`) with `arguments`.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                             directory: String? = nil, stdin: Stream = .null, stdout: Stream = .inherit,
                             stderr: Stream = .inherit) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        func wire(_ stream: Stream, to target: Int32, childReads: Bool) throws -> FileHandle? {
            switch stream {
            case .inherit:
                return nil
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", childReads ? O_RDONLY : O_WRONLY, 0)
                return nil
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, childReads ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                return nil
            case .pipe:
                var fds: [Int32] = [-1, -1]
                guard GNU.pipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(description: "pipe2: errno \(errno)") }
                let (childEnd, parentEnd) = childReads ? (fds[0], fds[1]) : (fds[1], fds[0])
                childEnds.append(childEnd)
                posix_spawn_file_actions_adddup2(&actions, childEnd, target)  // dup2 clears close-on-exec
                return FileHandle(fileDescriptor: parentEnd, closeOnDealloc: true)
            }
        }
        let input = try wire(stdin, to: 0, childReads: true)
        let output = try wire(stdout, to: 1, childReads: false)
        let errors = try wire(stderr, to: 2, childReads: false)
        if let directory { _ = GNU.addchdir(&actions, directory) }

        // The child starts with no blocked signals and default handlers (the runtime ignores SIGPIPE).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(result)))") }
        return ChildProcess(pid: pid, stdin: input, stdout: output, stderr: errors)
    }

    /// Waits for the exit; the exit code, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        let signal = raw & 0x7f
        let code = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        status = code
        return code
    }

    /// True until the child has exited (and been waited for).
    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if status != nil { return false }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        guard result == pid else { return result == 0 }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        return false
    }

    /// Sends SIGTERM (nothing when it has exited).
    public func terminate() {
        if isRunning { kill(pid, SIGTERM) }
    }

    /// Waits for the exit on a thread of its own (see `offThePool`); the exit code, or 128 + the signal.
    public func exitStatus() async -> Int32 {
        await offThePool { self.wait() }
    }

    /// Runs to the end with stdout and stderr in files (never a pipe a chatty tool could fill);
    /// returns the exit status and both outputs. Waits on a thread of its own (see `offThePool`).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, stdinFile: String? = nil) async throws -> (status: Int32, stdout: Data, stderr: Data) {
        try await offThePool {
            try runBlocking(executable, arguments, environment: environment, directory: directory, stdinFile: stdinFile)
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]?,
                                    directory: String?, stdinFile: String?) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        let out = scratch.path + ".out", err = scratch.path + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let child = try spawn(executable, arguments, environment: environment, directory: directory,
                              stdin: stdinFile.map { .file($0) } ?? .null, stdout: .file(out), stderr: .file(err))
        let status = child.wait()
        return (status, (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data(), (try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data())
    }
}

/// Runs blocking `work` (waiting for a child process) on a thread of its own and suspends
/// meanwhile. Swift's concurrency pool has one thread per core, two on CI: a test blocking them
/// for seconds starves every other test's in-process server and simulator, whose callbacks then
/// time out while nothing is wrong with them.
public func offThePool<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: Result { () throws(E) -> T in try work() }) }.start()
    }
    return try result.get()
}

/// Runs `body`, then `cleanup`, also when `body` throws: `defer` cannot wait for an async cleanup.
public func withCleanup<T>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    do {
        let result = try await body()
        await cleanup()
        return result
    } catch {
        await cleanup()
        throw error
    }
}

/// glibc calls Swift's Glibc module leaves out (they need _GNU_SOURCE), looked up once at run time.
private enum GNU {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    nonisolated(unsafe) static let handle = dlopen(nil, RTLD_NOW)
    nonisolated(unsafe) static let pipe2: Pipe2 = unsafeBitCast(dlsym(handle, "pipe2")!, to: Pipe2.self)
    nonisolated(unsafe) static let addchdir: AddChdir = unsafeBitCast(dlsym(handle, "posix_spawn_file_actions_addchdir_np")!,
                                                                      to: AddChdir.self)
}
