/// The elements the pages use. Each takes attributes and, for non-void elements, a builder block.
enum H {
    typealias Content = () -> HTML

    static func document(lang: String, @HTMLBuilder content: Content) -> HTML {
        .concat([.markup("<!DOCTYPE html>\n"), HTML.element("html", [Attribute("lang", lang)], content: content())])
    }

    static func head(@HTMLBuilder content: Content) -> HTML { HTML.element("head", [], content: content()) }
    static func body(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("body", attributes, content: content()) }
    static func title(_ text: String) -> HTML { HTML.element("title", [], content: HTML(text: text)) }
    static func meta(_ attributes: Attribute...) -> HTML { HTML.element("meta", attributes, content: nil) }
    static func link(_ attributes: Attribute...) -> HTML { HTML.element("link", attributes, content: nil) }
    static func script(src: String) -> HTML { HTML.element("script", [Attribute("src", src), Attribute("defer", nil)], content: .empty) }

    static func header(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("header", attributes, content: content()) }
    static func footer(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("footer", attributes, content: content()) }
    static func main(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("main", attributes, content: content()) }
    static func nav(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("nav", attributes, content: content()) }
    static func section(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("section", attributes, content: content()) }
    static func div(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("div", attributes, content: content()) }
    static func span(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("span", attributes, content: content()) }
    static func p(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("p", attributes, content: content()) }
    static func strong(@HTMLBuilder content: Content) -> HTML { HTML.element("strong", [], content: content()) }
    static func code(@HTMLBuilder content: Content) -> HTML { HTML.element("code", [], content: content()) }
    static func h1(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("h1", attributes, content: content()) }
    static func h2(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("h2", attributes, content: content()) }
    static func h3(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("h3", attributes, content: content()) }
    static func a(href: String, _ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML {
        HTML.element("a", [Attribute("href", href)] + attributes, content: content())
    }
    static func ul(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("ul", attributes, content: content()) }
    static func ol(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("ol", attributes, content: content()) }
    static func li(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("li", attributes, content: content()) }
    static func dl(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("dl", attributes, content: content()) }
    static func dt(@HTMLBuilder content: Content) -> HTML { HTML.element("dt", [], content: content()) }
    static func dd(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("dd", attributes, content: content()) }
    static func time(_ datetime: String, @HTMLBuilder content: Content) -> HTML {
        HTML.element("time", [Attribute("datetime", datetime)], content: content())
    }

    static func table(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("table", attributes, content: content()) }
    static func caption(@HTMLBuilder content: Content) -> HTML { HTML.element("caption", [], content: content()) }
    static func thead(@HTMLBuilder content: Content) -> HTML { HTML.element("thead", [], content: content()) }
    static func tbody(@HTMLBuilder content: Content) -> HTML { HTML.element("tbody", [], content: content()) }
    static func tr(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("tr", attributes, content: content()) }
    static func th(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("th", attributes, content: content()) }
    static func td(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("td", attributes, content: content()) }

    static func form(action: String, multipart: Bool = false, _ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML {
        var all = [Attribute("method", "post"), Attribute("action", action)]
        if multipart { all.append(Attribute("enctype", "multipart/form-data")) }
        return HTML.element("form", all + attributes, content: content())
    }
    static func fieldset(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("fieldset", attributes, content: content()) }
    static func legend(@HTMLBuilder content: Content) -> HTML { HTML.element("legend", [], content: content()) }
    static func label(for id: String, _ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML {
        HTML.element("label", [Attribute("for", id)] + attributes, content: content())
    }
    static func input(_ attributes: Attribute...) -> HTML { HTML.element("input", attributes, content: nil) }
    static func input(_ attributes: [Attribute]) -> HTML { HTML.element("input", attributes, content: nil) }
    static func textarea(_ attributes: Attribute..., text: String) -> HTML { HTML.element("textarea", attributes, content: HTML(text: text)) }
    static func select(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML { HTML.element("select", attributes, content: content()) }
    static func option(value: String, selected: Bool, _ text: String) -> HTML {
        HTML.element("option", [Attribute("value", value)] + (selected ? [Attribute("selected", nil)] : []), content: HTML(text: text))
    }
    static func button(_ attributes: Attribute..., @HTMLBuilder content: Content) -> HTML {
        HTML.element("button", attributes, content: content())
    }
    /// A drawing surface (the signature pad); `fallback` is shown where it cannot be used.
    static func canvas(_ attributes: Attribute..., @HTMLBuilder fallback: Content) -> HTML {
        HTML.element("canvas", attributes, content: fallback())
    }
    static func noscript(@HTMLBuilder content: Content) -> HTML { HTML.element("noscript", [], content: content()) }
    static func img(src: String, alt: String, _ attributes: Attribute...) -> HTML {
        HTML.element("img", [Attribute("src", src), Attribute("alt", alt)] + attributes, content: nil)
    }
}

extension Attribute {
    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func name(_ value: String) -> Attribute { Attribute("name", value) }
    static func type(_ value: String) -> Attribute { Attribute("type", value) }
    static func value(_ value: String) -> Attribute { Attribute("value", value) }
    static func aria(describedBy value: String) -> Attribute { Attribute("aria-describedby", value) }
    static var required: Attribute { Attribute("required", nil) }
    static var checked: Attribute { Attribute("checked", nil) }
}
