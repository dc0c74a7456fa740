import Foundation
import Testing
@testable import PortInStore

@Suite struct SecurityTests {
    @Test func secretBoxRoundTripsAndRefusesOtherKeys() throws {
        let box = try SecretBox(base64Key: SecretBox.generateKey())
        let sealed = try box.seal("8362")
        #expect(try box.open(sealed) == "8362")
        #expect(!sealed.combined.contains(Data("8362".utf8)))
        #expect(String(describing: sealed) == "<sealed>")
        // Fresh nonce each time: the same PIN never gives the same bytes.
        #expect(try box.seal("8362") != sealed)
        let other = try SecretBox(base64Key: SecretBox.generateKey())
        #expect(throws: StoreError.secretUnreadable) { try other.open(sealed) }
        var tampered = sealed.combined
        tampered[tampered.count - 1] ^= 1
        #expect(throws: StoreError.secretUnreadable) { try box.open(SealedSecret(combined: tampered)) }
    }

    @Test(arguments: ["", "c2hvcnQ=", "not base64", Data(count: 31).base64EncodedString()])
    func secretBoxNeedsThirtyTwoByteKeys(key: String) {
        #expect(throws: StoreError.self) { try SecretBox(base64Key: key) }
    }

    /// RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1).
    @Test func pbkdf2MatchesPublishedVector() {
        let derived = PasswordHasher.pbkdf2(password: Data("passwd".utf8), salt: Data("salt".utf8), iterations: 1, length: 64)
        #expect(derived.hexString == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    @Test func passwordHashVerifiesOnlyTheRightPassword() {
        let hasher = PasswordHasher(iterations: 1000)
        let stored = hasher.hash("correct horse")
        #expect(stored.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(PasswordHasher.verify("correct horse", against: stored))
        #expect(!PasswordHasher.verify("correct horsE", against: stored))
        #expect(!PasswordHasher.verify("correct horse", against: "garbage"))
        #expect(hasher.hash("correct horse") != stored)
    }

    @Test func authTokensAreHashedAndComparedExactly() {
        let token = AuthToken.generate()
        #expect(token.count == 43)
        let hash = AuthToken.hash(token)
        #expect(hash.count == 32)
        #expect(AuthToken.matches(token, storedHash: hash))
        #expect(!AuthToken.matches(token + "x", storedHash: hash))
        #expect(AuthToken.generate() != token)
    }

    @Test(arguments: [(1, 5.0), (2, 10.0), (4, 40.0), (20, 3600.0)])
    func backoffCeilingDoublesUpToTheCap(attempt: Int, ceiling: Double) {
        let backoff = JobBackoff(base: 5, cap: 3600)
        #expect(backoff.ceiling(attempt: attempt) == ceiling)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let delay = backoff.delay(attempt: attempt, using: &generator)
            #expect(delay >= 0 && delay <= ceiling)
        }
    }
}
