import Foundation
import PortInCore

/// Renders an LOA from its content and form: title, the field table, the template's paragraphs,
/// every number individually (in as many pages as it takes), and the signature block.
public enum LOARenderer {
    public static func render(_ content: LOAContent, form: LOAForm, createdAt: Date) throws(LOAError) -> RenderedLOA {
        let template = form.template
        let templateProblems = template.problems(respOrgID: form.respOrgID)
        guard templateProblems.isEmpty else { throw .invalidTemplate(templateProblems) }
        let problems = content.problems(for: form)
        guard problems.isEmpty else { throw .invalid(problems) }

        let values = placeholderValues(content, form: form)
        let title = LOATemplate.fill(template.title, with: values)
        var flow = PageFlow()

        flow.paragraph(title, font: .helveticaBold, size: 16, leading: 20, after: 10)
        flow.fieldRows(fieldRows(content, template: template, values: values))
        flow.gap(12)
        for paragraph in template.paragraphs {
            flow.paragraph(LOATemplate.fill(paragraph, with: values))
        }
        flow.gap(4)
        numbers(content.numbers, heading: LOATemplate.fill(template.numbersHeading, with: values), into: &flow)
        flow.gap(14)
        let anchor = signatureBlock(LOATemplate.fill(template.signatureStatement, with: values), content: content, into: &flow)

        flow.stamp(header: title, requestLine: Self.requestLine(content)) { "Page \($0) of \($1)" }
        var document = PDFDocument(title: "\(title) - \(content.requestID)", creationDate: createdAt)
        for page in flow.pages { document.addPage(page) }
        let (bytes, pdfLayout) = document.write()
        let layout = LOALayout(pdf: pdfLayout, requestID: content.requestID, pageCount: flow.pages.count, signature: anchor)
        return RenderedLOA(uncheckedBytes: bytes, layout: layout)
    }

    static func requestLine(_ content: LOAContent) -> String {
        var line = "Request ID: \(content.requestID)"
        if let pon = content.pon, !pon.isEmpty { line += "  |  PON: \(pon)" }
        return line
    }

    static func placeholderValues(_ content: LOAContent, form: LOAForm) -> [String: String] {
        func orNone(_ value: String?) -> String {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return "not provided" }
            return value
        }
        var values: [String: String] = [
            "subscriber_name": content.subscriberName,
            "service_address": content.formattedAddress,
            "authorized_name": content.authorizedPerson.name,
            "authorized_title": content.authorizedPerson.title.flatMap { $0.isEmpty ? nil : $0 } ?? "authorized representative",
            "authorized_email": orNone(content.authorizedPerson.email),
            "current_carrier": content.currentCarrier,
            "account_number": orNone(content.accountNumber),
            "btn": orNone(content.btn),
            "new_provider": content.newProvider,
            "request_id": content.requestID,
            "pon": orNone(content.pon),
            "date": content.date.description,
            "number_count": String(content.numbers.count),
        ]
        if let id = form.respOrgID { values["resporg_id"] = id }
        for field in form.template.extraFields { values[field.key] = orNone(content.extraFields[field.key]) }
        return values
    }

    private static func fieldRows(_ content: LOAContent, template: LOATemplate, values: [String: String]) -> [(label: String, value: String)] {
        let standard: [(String, String)] = [
            ("subscriber_name", "Subscriber (name on the account)"),
            ("service_address", "Service address"),
            ("authorized_name", "Authorized person"),
            ("authorized_title", "Title"),
            ("authorized_email", "Email"),
            ("current_carrier", "Current carrier"),
            ("account_number", "Account number"),
            ("btn", "Billing telephone number (BTN)"),
            ("new_provider", "New provider"),
            ("request_id", "Request ID"),
            ("pon", "PON"),
            ("date", "Date of this letter"),
        ]
        var rows = standard.map { key, label in
            var value = values[key] ?? ""
            if key == "new_provider", let id = values["resporg_id"] { value += ", RespOrg ID \(id)" }
            return (label: template.fieldLabels[key] ?? label, value: value)
        }
        for field in template.extraFields {
            rows.append((label: field.label, value: values[field.key] ?? ""))
        }
        return rows
    }

    /// Every number on its own, numbered, in as many columns as the longest label allows.
    private static func numbers(_ numbers: [PhoneNumber], heading: String, into flow: inout PageFlow) {
        let size = 10.0, leading = 14.0
        let labels = numbers.enumerated().map { "\($0.offset + 1). \($0.element.e164)" }
        let widest = labels.map { StandardFont.helvetica.width(of: $0, size: size) }.max() ?? 0
        let columns = max(1, min(4, Int(PageFlow.width / (widest + 16))))
        let columnWidth = PageFlow.width / Double(columns)
        flow.ensure(20 + leading)
        flow.paragraph(heading, font: .helveticaBold, size: 11, leading: 15, after: 4)
        var row = 0
        var start = 0
        while start < labels.count {
            let end = min(start + columns, labels.count)
            flow.ensure(leading)
            if flow.y == PageFlow.top && row > 0 {
                flow.paragraph("\(heading) (continued)", font: .helveticaBold, size: 11, leading: 15, after: 4)
            }
            let baseline = flow.y - size
            flow.draw { canvas in
                for (column, label) in labels[start..<end].enumerated() {
                    canvas.text(label, x: PageFlow.margin + Double(column) * columnWidth, y: baseline, font: .helvetica, size: size)
                }
            }
            flow.gap(leading)
            start = end
            row += 1
        }
    }

    /// The statement, the signature box, and the printed name, title, email and date lines,
    /// kept together on one page.
    private static func signatureBlock(_ statement: String, content: LOAContent, into flow: inout PageFlow) -> LOASignatureAnchor {
        let statementLines = TextWrapper.wrap(statement, font: .helvetica, size: 10.5, width: PageFlow.width)
        let boxHeight = 64.0, rowHeight = 18.0, labelWidth = 110.0
        flow.ensure(Double(statementLines.count) * 14 + 10 + boxHeight + 8 + 4 * rowHeight)
        flow.paragraph(statement, after: 10)
        let boxX = PageFlow.margin + labelWidth, boxWidth = 270.0
        let boxTop = flow.y
        flow.draw { canvas in
            canvas.text("Signature", x: PageFlow.margin, y: boxTop - boxHeight + 6, font: .helveticaBold, size: 10)
            canvas.rectangle(x: boxX, y: boxTop - boxHeight, width: boxWidth, height: boxHeight, stroke: .gray(0.55), lineWidth: 0.6)
        }
        flow.gap(boxHeight + 8)
        let rows: [(String, String)] = [
            ("Printed name", content.authorizedPerson.name),
            ("Title", content.authorizedPerson.title ?? ""),
            ("Email", content.authorizedPerson.email ?? ""),
            ("Date signed", ""),
        ]
        var dateY = 0.0
        for (label, value) in rows {
            let baseline = flow.y - 12
            flow.draw { canvas in
                canvas.text(label, x: PageFlow.margin, y: baseline, font: .helveticaBold, size: 10)
                canvas.text(value, x: boxX + 4, y: baseline, font: .helvetica, size: 10)
                canvas.line(from: PDFPoint(boxX, baseline - 3), to: PDFPoint(boxX + boxWidth, baseline - 3), width: 0.5, color: .gray(0.55))
            }
            dateY = baseline
            flow.gap(rowHeight)
        }
        return LOASignatureAnchor(pageIndex: flow.pageIndex, boxX: boxX, boxY: boxTop - boxHeight, boxWidth: boxWidth,
                                  boxHeight: boxHeight, dateX: boxX + 4, dateY: dateY)
    }
}
