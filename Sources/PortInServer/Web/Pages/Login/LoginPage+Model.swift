/// The sign-in form, blank or after a refused attempt (the email is kept, never the password).
struct LoginPage: Sendable {
    enum Message: Sendable {
        case refused
        case locked
        case missing
        case signedOut
    }

    var email: String
    var message: Message?
    var csrfToken: String

    /// What each outcome says. Refused and locked read the same for every email, known or not.
    var messageText: String? {
        switch message {
        case .refused?: "The email or password is not right. Check both and try again."
        case .locked?: "Too many failed sign-ins for this email. Wait 15 minutes, then try again."
        case .missing?: "Enter your email and your password."
        case .signedOut?: "You are signed out."
        case nil: nil
        }
    }

    var isError: Bool {
        switch message {
        case .signedOut?, nil: false
        default: true
        }
    }

    var chrome: PageChrome { PageChrome(title: "Sign in") }
}
