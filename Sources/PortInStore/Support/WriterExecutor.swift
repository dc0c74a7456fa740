import NIOPosix

/// Runs the tasks of SQLite write transactions on the writer connection's own one-thread pool.
/// Each statement of a transaction runs on that thread and resumes the transaction there, so a
/// transaction of many statements costs no thread hand-offs and never queues behind the HTTP work
/// on the shared concurrency pool, where the single writer used to spend most of its time.
final class WriterExecutor: TaskExecutor {
    private let pool: NIOThreadPool

    init(pool: NIOThreadPool) {
        self.pool = pool
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // A stopped pool hands the item back at once (state `.cancelled`); the job still runs, here,
        // so no task is left suspended forever.
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
