import PortInStore
import Vapor

/// What the shared layout needs besides the page's own content: who is signed in (for the
/// navigation and the sign-out form) and which navigation entry is current.
struct PageChrome: Sendable {
    var title: String
    var user: User?
    var csrfToken: String?
    /// The navigation path of this page (`/app`, `/app/numbers`, `/ops`).
    var current: String?
    /// Scripts this page adds to `portin.js` (asset names, e.g. the signature pad).
    var scripts: [String] = []

    init(title: String, user: User? = nil, csrfToken: String? = nil, current: String? = nil) {
        self.title = title
        self.user = user
        self.csrfToken = csrfToken
        self.current = current
    }

    /// The chrome for `request`'s session (signed in or not).
    init(title: String, request: Request, current: String? = nil) {
        self.init(title: title, user: request.webSession?.user, csrfToken: request.webSession?.csrfToken, current: current)
    }

    /// Navigation entries by role: the ops console later adds its own under `/ops`.
    var navigation: [(path: String, label: String)] {
        switch user?.role {
        case .customer?: [("/app", "Dashboard"), ("/app/port", "Port numbers"), ("/app/numbers", "Numbers"), ("/docs", "API reference")]
        case .ops?: [("/ops", "Ops console"), ("/ops/carriers", "Carriers"), ("/ops/loa-templates", "LOA templates"), ("/docs", "API reference")]
        case nil: []
        }
    }
}

/// The one layout of every page: skip link, header with navigation, a single `main`, footer.
enum Layout {
    static func page(_ chrome: PageChrome, @HTMLBuilder main: () -> HTML) -> HTML {
        let assets = StaticAssets.shared
        return H.document(lang: "en") {
            H.head {
                H.meta(Attribute("charset", "utf-8"))
                H.meta(.name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                H.title(chrome.title + " · PortIn")
                H.link(Attribute("rel", "stylesheet"), Attribute("href", assets.url("portin.css")))
                H.script(src: assets.url("portin.js"))
                for script in chrome.scripts { H.script(src: assets.url(script)) }
            }
            H.body {
                H.a(href: "#main", .class("skip-link")) { "Skip to main content" }
                header(chrome)
                H.main(.id("main"), Attribute("tabindex", "-1")) { main() }
                H.footer(.class("site-footer")) {
                    H.p { "PortIn: bring your numbers over. Times are US Eastern (ET)." }
                }
            }
        }
    }

    static func header(_ chrome: PageChrome) -> HTML {
        H.header(.class("site-header")) {
            H.div(.class("bar")) {
                H.a(href: chrome.user == nil ? "/login" : (chrome.user?.role == .ops ? "/ops" : "/app"), .class("brand")) { "PortIn" }
                if !chrome.navigation.isEmpty {
                    H.nav(.class("site-nav"), Attribute("aria-label", "Main")) {
                        H.ul {
                            for entry in chrome.navigation {
                                H.li {
                                    if entry.path == chrome.current {
                                        H.a(href: entry.path, Attribute("aria-current", "page")) { entry.label }
                                    } else {
                                        H.a(href: entry.path) { entry.label }
                                    }
                                }
                            }
                        }
                    }
                }
                if let user = chrome.user, let token = chrome.csrfToken {
                    H.span(.class("who")) { "Signed in as " + user.email }
                    H.form(action: "/logout", .class("signout")) {
                        FormParts.csrf(token)
                        H.button(.type("submit")) { "Sign out" }
                    }
                }
            }
        }
    }
}
