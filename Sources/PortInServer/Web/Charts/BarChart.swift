/// A horizontal bar chart drawn as SVG on the server: one bar per row, labelled, with the value at
/// its end, an accessible title and description, and the same data as a table for those who
/// cannot see the drawing.
struct BarChart: Sendable {
    struct Bar: Sendable, Hashable {
        var label: String
        var value: Double
        /// The value as shown (e.g. `4.5 days (6 requests)`).
        var valueText: String
    }

    /// Unique on the page: the ids of the title and description derive from it.
    var id: String
    var title: String
    var summary: String
    var bars: [Bar]
    /// Column headings of the fallback table.
    var labelHeading: String
    var valueHeading: String

    static let width = 680.0
    static let labelWidth = 220.0
    static let valueWidth = 160.0
    static let rowHeight = 28.0
    static let barHeight = 18.0

    var barArea: Double { Self.width - Self.labelWidth - Self.valueWidth }
    var height: Double { max(1, Double(bars.count)) * Self.rowHeight + 8 }

    /// Each bar's length, the largest spanning the bar area.
    var lengths: [Double] {
        let maximum = bars.map(\.value).max() ?? 0
        return bars.map { ChartMath.barLength($0.value, max: maximum, width: barArea) }
    }

    func render() -> HTML {
        let lengths = self.lengths
        return H.div(.class("chart"), .id(id)) {
            H.h2(.id(id + "-heading")) { title }
            if bars.isEmpty {
                H.p(.class("muted")) { "No data yet." }
            } else {
                SVG.svg(Attribute("viewBox", "0 0 \(ChartMath.coordinate(Self.width)) \(ChartMath.coordinate(height))"), Attribute("role", "img"),
                        Attribute("aria-labelledby", id + "-title " + id + "-desc"), Attribute("preserveAspectRatio", "xMinYMin meet")) {
                    SVG.title(id: id + "-title", title)
                    SVG.desc(id: id + "-desc", summary)
                    for (index, bar) in bars.enumerated() {
                        let top = 4 + Double(index) * Self.rowHeight
                        SVG.g(.class("bar")) {
                            SVG.text(x: Self.labelWidth - 8, y: top + Self.barHeight - 4, Attribute("text-anchor", "end"), text: bar.label)
                            SVG.rect(x: Self.labelWidth, y: top, width: lengths[index], height: Self.barHeight, Attribute("fill", "#1f5fae"))
                            SVG.text(x: Self.labelWidth + lengths[index] + 6, y: top + Self.barHeight - 4, text: bar.valueText)
                        }
                    }
                }
                H.div(.class("table-wrap")) {
                    H.table(.class("chart-data")) {
                        H.caption { title + " (data)" }
                        H.thead { H.tr { H.th(Attribute("scope", "col")) { labelHeading }; H.th(Attribute("scope", "col")) { valueHeading } } }
                        H.tbody {
                            for bar in bars { H.tr { H.th(Attribute("scope", "row")) { bar.label }; H.td { bar.valueText } } }
                        }
                    }
                }
            }
        }
    }
}
