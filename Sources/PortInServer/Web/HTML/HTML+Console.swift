/// Elements the ops console needs besides the shared ones: a GET form (search, filters) and an
/// inline frame for a stored PDF.
extension H {
    static func getForm(action: String, _ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML {
        HTML.element("form", [Attribute("method", "get"), Attribute("action", action)] + attributes, content: content())
    }

    static func iframe(src: String, title: String, _ attributes: Attribute...) -> HTML {
        HTML.element("iframe", [Attribute("src", src), Attribute("title", title)] + attributes, content: .empty)
    }
}
