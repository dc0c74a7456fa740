import Foundation
import Testing
@testable import PortInCore

@Suite struct PhoneNumberParsingTests {
    @Test(arguments: [
        "(415) 555-2671", "415.555.2671", "415-555-2671", "4155552671", "1-415-555-2671", "14155552671",
        "+1 415 555 2671", "+14155552671", "+1 (415) 555-2671", "tel:+14155552671", "TEL:+1-415-555-2671",
        "  (415) 555-2671\t", "415/555-2671", "415\u{00A0}555\u{2013}2671", "001 415 555 2671", "011 1 415 555 2671",
    ])
    func typedFormsOfOneNumber(input: String) throws {
        let number = try PhoneNumber.parse(input)
        #expect(number.e164 == "+14155552671")
        #expect(number.countryCallingCode == 1)
        #expect(number.nationalNumber == "4155552671")
        #expect(number.country == "US")
        #expect(number.type == .geographic)
        #expect(number.areaCode == "415")
        #expect(number.isNANP)
        #expect(number.description == "+14155552671")
    }

    @Test(arguments: [
        ("+44 20 7946 0958", "+442079460958"), ("+44 (0)20 7946 0958", "+442079460958"),
        ("+44 020 7946 0958", "+442079460958"), ("0044 20 7946 0958", "+442079460958"),
        ("011 44 20 7946 0958", "+442079460958"),
    ])
    func internationalPrefixesAndTrunkZero(input: String, e164: String) throws {
        let number = try PhoneNumber.parse(input)
        #expect(number.e164 == e164)
        #expect(number.country == "GB")
        #expect(number.areaCode == nil)
        #expect(!number.isNANP)
    }

    @Test(arguments: [
        ("", InvalidNumberReason.notANumber), ("   ", .notANumber), ("n/a", .notANumber), ("call me", .notANumber),
        ("+", .notANumber), ("1-800-FLOWERS", .containsLetters), ("415 555 CALL", .containsLetters),
        ("415 555 2671 x123", .hasExtension), ("415-555-2671 ext. 5", .hasExtension),
        ("415-555-2671 extension 12", .hasExtension), ("tel:+14155552671;ext=123", .hasExtension),
        ("415 555 2671 #12", .hasExtension), ("415-555-2671,,12", .hasExtension),
        ("415-555-2671!", .invalidCharacter), ("415+555-2671", .invalidCharacter), ("415_555_2671", .invalidCharacter),
        ("555-2671", .tooShort), ("415 555 267", .tooShort), ("415 555 26711", .tooLong),
        ("2 415 555 2671", .tooLong), ("+1 415 555 267", .tooShort), ("+1 415 555 26711", .tooLong),
        ("+999 123 4567", .unknownCountryCode), ("+0 123 4567", .unknownCountryCode),
        ("+1234567890123456789012", .tooLong),
    ])
    func reasons(input: String, reason: InvalidNumberReason) {
        #expect(throws: PhoneNumberError(reason)) { try PhoneNumber.parse(input) }
        #expect(PhoneNumberClassifier.classify(input).reason == reason)
    }

    @Test func telURIParametersOtherThanExtensionAreIgnored() throws {
        #expect(try PhoneNumber.parse("tel:+1-415-555-2671;phone-context=example.com").e164 == "+14155552671")
    }

    @Test func everyReasonHasAStableCodeAndAMessage() {
        for reason in InvalidNumberReason.allCases {
            #expect(reason.rawValue.allSatisfy { $0.isLowercase || $0 == "_" })
            #expect(reason.message.count > 20)
            #expect(PhoneNumberError(reason).description.hasPrefix(reason.rawValue + ": "))
        }
        #expect(PhoneNumberError(.hasExtension).message.contains("without the extension"))
        #expect(PhoneNumberError(.containsLetters).message.contains("digits"))
    }

    @Test func codableAsTheE164String() throws {
        let number = try PhoneNumber.parse("(415) 555-2671")
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["+14155552671"]"#)
        #expect(try JSONDecoder().decode([PhoneNumber].self, from: data) == [number])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PhoneNumber].self, from: Data(#"["415-555-0123"]"#.utf8))
        }
    }

    @Test func classifyingBytesNeedsNoString() {
        let bytes = Array("+1 415 555 2671".utf8)
        let result = bytes.withUnsafeBufferPointer { PhoneNumberClassifier.classify(utf8: $0) }
        #expect(result.isValid)
        #expect(result.e164Digits == 14_155_552_671)
        #expect(result.digitCount == 11)
        #expect(result.countryCodeLength == 1)
        #expect(result.e164 == "+14155552671")
        #expect(result.region == "US")
        #expect(result.areaCode == 415)
    }

    @Test func invalidUTF8IsNotANumber() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x34]
        let result = bytes.withUnsafeBufferPointer { PhoneNumberClassifier.classify(utf8: $0) }
        #expect(result.reason == .invalidCharacter)
    }
}
