/// Flows blocks of text down US Letter pages, starting a new page when the next block would cross
/// the bottom margin, then stamps a header and footer on every page once the page count is known.
struct PageFlow {
    static let margin = 54.0
    static let top = PDFDocument.letterHeight - 72
    static let bottom = 66.0
    static let width = PDFDocument.letterWidth - 2 * margin

    private(set) var pages: [PDFCanvas] = [PDFCanvas()]
    /// The top of the free space on the current page.
    private(set) var y = PageFlow.top

    var pageIndex: Int { pages.count - 1 }

    mutating func newPage() {
        pages.append(PDFCanvas())
        y = PageFlow.top
    }

    /// Makes sure `height` points fit below the cursor, breaking the page if not.
    mutating func ensure(_ height: Double) {
        if y - height < PageFlow.bottom, y < PageFlow.top { newPage() }
    }

    mutating func gap(_ height: Double) {
        y -= height
    }

    mutating func draw(_ body: (inout PDFCanvas) -> Void) {
        body(&pages[pages.count - 1])
    }

    /// A wrapped paragraph; lines may run onto the next page.
    mutating func paragraph(_ text: String, font: StandardFont = .helvetica, size: Double = 10.5,
                            leading: Double = 14, indent: Double = 0, after: Double = 8) {
        for line in TextWrapper.wrap(text, font: font, size: size, width: PageFlow.width - indent) {
            ensure(leading)
            let baseline = y - size
            draw { $0.text(line, x: PageFlow.margin + indent, y: baseline, font: font, size: size) }
            y -= leading
        }
        y -= after
    }

    /// Label/value rows with a rule under each; a row is never split across pages.
    mutating func fieldRows(_ rows: [(label: String, value: String)], labelWidth: Double = 170,
                            size: Double = 9.5, leading: Double = 12.5) {
        let valueWidth = PageFlow.width - labelWidth - 8
        for row in rows {
            let labels = TextWrapper.wrap(row.label, font: .helveticaBold, size: size, width: labelWidth - 6)
            let values = TextWrapper.wrap(row.value, font: .helvetica, size: size, width: valueWidth)
            let height = Double(max(labels.count, values.count)) * leading + 6
            ensure(height)
            let top = y
            draw { canvas in
                for (i, line) in labels.enumerated() {
                    canvas.text(line, x: PageFlow.margin, y: top - 3 - size - Double(i) * leading, font: .helveticaBold, size: size)
                }
                for (i, line) in values.enumerated() {
                    canvas.text(line, x: PageFlow.margin + labelWidth + 8, y: top - 3 - size - Double(i) * leading,
                                font: .helvetica, size: size)
                }
                canvas.line(from: PDFPoint(PageFlow.margin, top - height), to: PDFPoint(PageFlow.margin + PageFlow.width, top - height),
                            width: 0.4, color: .gray(0.75))
            }
            y -= height
        }
    }

    /// Header (title and request id) and footer (request id, PON, "Page n of m") on every page.
    mutating func stamp(header: String, requestLine: String, pageLabel: (Int, Int) -> String) {
        let count = pages.count
        for index in pages.indices {
            let right = pageLabel(index + 1, count)
            let top = PDFDocument.letterHeight - 40
            let requestWidth = StandardFont.helvetica.width(of: requestLine, size: 8.5)
            let shortHeader = TextWrapper.truncate(header, font: .helveticaBold, size: 8.5, width: PageFlow.width - requestWidth - 12)
            pages[index].text(shortHeader, x: PageFlow.margin, y: top, font: .helveticaBold, size: 8.5, color: .gray(0.3))
            pages[index].text(requestLine, x: PageFlow.margin + PageFlow.width - requestWidth, y: top,
                              font: .helvetica, size: 8.5, color: .gray(0.3))
            pages[index].line(from: PDFPoint(PageFlow.margin, top - 6), to: PDFPoint(PageFlow.margin + PageFlow.width, top - 6),
                              width: 0.5, color: .gray(0.6))
            pages[index].line(from: PDFPoint(PageFlow.margin, 48), to: PDFPoint(PageFlow.margin + PageFlow.width, 48),
                              width: 0.5, color: .gray(0.6))
            pages[index].text(requestLine, x: PageFlow.margin, y: 36, font: .helvetica, size: 8.5, color: .gray(0.3))
            let labelWidth = StandardFont.helvetica.width(of: right, size: 8.5)
            pages[index].text(right, x: PageFlow.margin + PageFlow.width - labelWidth, y: 36,
                              font: .helvetica, size: 8.5, color: .gray(0.3))
        }
    }
}
