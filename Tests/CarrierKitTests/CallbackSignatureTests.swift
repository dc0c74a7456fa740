import Foundation
import Testing
@testable import CarrierKit

@Suite("Callback signatures")
struct CallbackSignatureTests {
    let signer = CallbackSignature(secret: "s3cret-shared")
    let body = Data(#"{"event_id":"ev_1","type":"foc"}"#.utf8)
    let sentAt = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aSignatureVerifiesWithinTheWindow() throws {
        let header = signer.header(for: body, at: sentAt)
        #expect(header.hasPrefix("t=1800000000,v1="))
        try signer.verify(header: header, body: body, now: sentAt.addingTimeInterval(299))
        try signer.verify(header: header, body: body, now: sentAt.addingTimeInterval(-299))
    }

    @Test func replaysOutsideFiveMinutesAreRefused() {
        let header = signer.header(for: body, at: sentAt)
        #expect(throws: CallbackSignatureError.outsideWindow(seconds: 301)) {
            try signer.verify(header: header, body: body, now: sentAt.addingTimeInterval(301))
        }
    }

    @Test func aChangedBodyOrAnotherSecretIsRefused() {
        let header = signer.header(for: body, at: sentAt)
        var tampered = body
        tampered[tampered.startIndex + 3] ^= 0x01
        #expect(throws: CallbackSignatureError.mismatch) { try signer.verify(header: header, body: tampered, now: sentAt) }
        let other = CallbackSignature(secret: "another")
        #expect(throws: CallbackSignatureError.mismatch) { try other.verify(header: header, body: body, now: sentAt) }
    }

    @Test(arguments: [nil, "", "garbage", "t=abc,v1=00", "v1=00ff", "t=1800000000"])
    func missingOrMalformedHeadersAreRefused(header: String?) {
        #expect(throws: CallbackSignatureError.self) { try signer.verify(header: header, body: body, now: sentAt) }
    }

    @Test func theTimestampIsPartOfTheMAC() {
        let header = signer.header(for: body, at: sentAt)
        let moved = header.replacingOccurrences(of: "t=1800000000", with: "t=1800000100")
        #expect(throws: CallbackSignatureError.mismatch) {
            try signer.verify(header: moved, body: body, now: sentAt.addingTimeInterval(100))
        }
    }
}
