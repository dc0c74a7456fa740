/// SVG elements, built like `H`'s: names and attribute names are literals of ours, every text and
/// attribute value goes through `HTML`'s escaping.
enum SVG {
    typealias Content = () -> HTML

    static func svg(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML {
        HTML.element("svg", [Attribute("xmlns", "http://www.w3.org/2000/svg")] + attributes, content: content())
    }
    static func title(id: String, _ text: String) -> HTML { HTML.element("title", [.id(id)], content: HTML(text: text)) }
    static func desc(id: String, _ text: String) -> HTML { HTML.element("desc", [.id(id)], content: HTML(text: text)) }
    static func g(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("g", attributes, content: content()) }
    static func rect(x: Double, y: Double, width: Double, height: Double, _ attributes: Attribute...) -> HTML {
        HTML.element("rect", [Attribute("x", ChartMath.coordinate(x)), Attribute("y", ChartMath.coordinate(y)),
                              Attribute("width", ChartMath.coordinate(width)), Attribute("height", ChartMath.coordinate(height))]
                         + attributes, content: .empty)
    }
    static func text(x: Double, y: Double, _ attributes: Attribute..., text: String) -> HTML {
        HTML.element("text", [Attribute("x", ChartMath.coordinate(x)), Attribute("y", ChartMath.coordinate(y))] + attributes,
                     content: HTML(text: text))
    }
}
