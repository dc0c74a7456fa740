import Foundation

/// Compares a port request with the losing carrier's CSR field by field, the way the carrier
/// decides whether to reject it. Deterministic: the simulated carrier uses these same rules.
public enum CSRMatcher {
    /// Every compared field: names (by `csr.subscriberType`), `authorized_person.name`,
    /// `service_address.*`, `account_number`, `btn`, and `pin` when the CSR has one.
    /// `strict` (default) makes a middle initial on one side only, or an entity suffix on one side
    /// only, a mismatch; lenient carriers ignore those.
    public static func compare(_ draft: PortRequestDraft, with csr: CustomerServiceRecord,
                               strict: Bool = true) -> [FieldComparison] {
        var results: [FieldComparison] = []
        switch csr.subscriberType {
        case .business:
            results.append(field("business_name", draft.businessName, csr.businessName, key: Normalizer.businessName) {
                businessNamesMatch($0, $1, strict: strict)
            })
        case .residential:
            results.append(field("first_name", draft.firstName, csr.firstName, key: Normalizer.personName) {
                personNamesMatch($0, $1, strict: strict, keepsLastWord: false)
            })
            results.append(field("last_name", draft.lastName, csr.lastName, key: Normalizer.personName))
        }
        results.append(field("authorized_person.name", draft.authorizedPerson?.name, csr.authorizedName,
                             key: Normalizer.personName) {
            personNamesMatch($0, $1, strict: strict, keepsLastWord: true)
        })
        let record = csr.serviceAddress
        let requested = draft.serviceAddress
            ?? ServiceAddress(houseNumber: "", street: "", city: "", state: "", postalCode: "", country: record.country)
        for comparison in compareAddress(requested, with: record) {
            results.append(FieldComparison(field: "service_address." + comparison.field, result: comparison.result))
        }
        results.append(field("account_number", draft.accountNumber, csr.accountNumber, key: Normalizer.accountNumber))
        results.append(field("btn", draft.btn, csr.btn, key: Normalizer.telephoneNumber))
        if let pin = comparePIN(draft.pin, with: csr.pin) { results.append(pin) }
        return results
    }

    /// Only the fields that do not match (mismatched or missing).
    public static func mismatches(_ draft: PortRequestDraft, with csr: CustomerServiceRecord,
                                  strict: Bool = true) -> [FieldComparison] {
        compare(draft, with: csr, strict: strict).filter { !$0.result.isMatch }
    }

    /// Person names: equal keys match. Lenient: a middle initial on one side only is ignored
    /// ("John Q. Public" = "John Public"); two different middle names or initials still differ.
    /// `keepsLastWord` is true for a full name (last word = surname), false for a first-name field.
    public static func personNamesMatch(_ a: String, _ b: String, strict: Bool, keepsLastWord: Bool) -> Bool {
        if Normalizer.personName(a) == Normalizer.personName(b) { return true }
        guard !strict else { return false }
        let (aOuter, aMiddle) = splitMiddle(Normalizer.personNameWords(a), keepsLastWord: keepsLastWord)
        let (bOuter, bMiddle) = splitMiddle(Normalizer.personNameWords(b), keepsLastWord: keepsLastWord)
        guard aOuter == bOuter else { return false }
        let isInitials = { (words: [String]) in words.allSatisfy { $0.count == 1 } }
        return (aMiddle.isEmpty && isInitials(bMiddle)) || (bMiddle.isEmpty && isInitials(aMiddle))
    }

    /// Business names: equal keys match. Lenient: an entity suffix on one side only is ignored
    /// ("Acme" = "Acme Inc"); two different suffixes ("Acme Inc" / "Acme LLC") still differ.
    public static func businessNamesMatch(_ a: String, _ b: String, strict: Bool) -> Bool {
        let aWords = Normalizer.businessNameWords(a), bWords = Normalizer.businessNameWords(b)
        if aWords.joined() == bWords.joined() { return true }
        guard !strict else { return false }
        let aSplit = Normalizer.splitEntitySuffix(aWords), bSplit = Normalizer.splitEntitySuffix(bWords)
        return aSplit.name.joined() == bSplit.name.joined() && (aSplit.suffix == nil || bSplit.suffix == nil)
    }

    /// First word (and last word of a full name) versus the words between them.
    private static func splitMiddle(_ words: [String], keepsLastWord: Bool) -> (outer: [String], middle: [String]) {
        guard let first = words.first else { return ([], []) }
        if keepsLastWord, words.count >= 2 {
            return ([first, words[words.count - 1]], Array(words[1..<(words.count - 1)]))
        }
        return ([first], Array(words.dropFirst()))
    }

    /// PIN comparison, only when the record has one. Neither value ever appears in the result.
    static func comparePIN(_ requested: String?, with onRecord: String?) -> FieldComparison? {
        let recordKey = Normalizer.pin(onRecord ?? "")
        guard !recordKey.isEmpty else { return nil }
        let requestedKey = Normalizer.pin(requested ?? "")
        let result: FieldMatch
        if requestedKey.isEmpty {
            result = .missing(onRecord: FieldMatch.redacted)
        } else if requestedKey == recordKey {
            result = .match
        } else {
            result = .mismatch(requested: FieldMatch.redacted, onRecord: FieldMatch.redacted)
        }
        return FieldComparison(field: "pin", result: result)
    }

    /// Compares one field: empty request = missing; otherwise `matches` (default: equal keys).
    /// Results carry the values as typed (trimmed), which is what the customer needs to see.
    static func field(_ name: String, _ requested: String?, _ onRecord: String?, key: (String) -> String,
                      matches: ((String, String) -> Bool)? = nil) -> FieldComparison {
        let requestedValue = (requested ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let recordValue = (onRecord ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let requestedKey = key(requestedValue), recordKey = key(recordValue)
        let result: FieldMatch
        if requestedKey.isEmpty {
            result = recordKey.isEmpty ? .match : .missing(onRecord: recordValue)
        } else if recordKey.isEmpty {
            result = .mismatch(requested: requestedValue, onRecord: recordValue)
        } else if matches?(requestedValue, recordValue) ?? (requestedKey == recordKey) {
            result = .match
        } else {
            result = .mismatch(requested: requestedValue, onRecord: recordValue)
        }
        return FieldComparison(field: name, result: result)
    }
}
