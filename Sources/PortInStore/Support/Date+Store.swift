import Foundation

extension Date {
    /// Whole milliseconds: what every timestamp is rounded to before it is written, so values read
    /// back from either engine (SQLite float seconds, PostgreSQL microseconds) compare as written.
    var storeRounded: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Milliseconds since 1970 (the cursor's time component).
    var storeMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
