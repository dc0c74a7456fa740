import PortInStore

/// Where porting-team users land after signing in, until the console arrives.
struct OpsHomePage: Sendable {
    var user: User
    var chrome: PageChrome
}
