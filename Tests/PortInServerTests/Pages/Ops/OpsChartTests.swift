import Foundation
import PortInCore
import PortInStore
import Testing
@testable import PortInServer

/// The carrier dashboard: chart math, the SVG drawn, the figures from status changes, and the page.
@Suite("Ops console: carrier dashboard")
struct OpsChartTests {
    @Test("median: middle value, mean of the two middle ones, nil when empty")
    func median() {
        #expect(ChartMath.median([]) == nil)
        #expect(ChartMath.median([4]) == 4)
        #expect(ChartMath.median([9, 1, 5]) == 5)
        #expect(ChartMath.median([1, 2, 3, 10]) == 2.5)
        #expect(ChartMath.median([7, 7, 3, 3]) == 5)
        #expect(ChartMath.format(2.5) == "2.5" && ChartMath.format(3) == "3" && ChartMath.format(2.25) == "2.3")
    }

    @Test("bars scale to the largest value; zero or negative draw nothing; no maximum draws nothing")
    func scaling() {
        #expect(ChartMath.barLength(10, max: 10, width: 300) == 300)
        #expect(ChartMath.barLength(5, max: 10, width: 300) == 150)
        #expect(ChartMath.barLength(1, max: 3, width: 300) == 100)
        #expect(ChartMath.barLength(0, max: 10, width: 300) == 0)
        #expect(ChartMath.barLength(-2, max: 10, width: 300) == 0)
        #expect(ChartMath.barLength(4, max: 0, width: 300) == 0)
        let chart = BarChart(id: "c", title: "T", summary: "S", bars: [
            BarChart.Bar(label: "a", value: 2, valueText: "2"), BarChart.Bar(label: "b", value: 8, valueText: "8"),
        ], labelHeading: "L", valueHeading: "V")
        #expect(chart.lengths == [chart.barArea / 4, chart.barArea])
    }

    @Test("the SVG has an accessible title and description, escaped text, a bar per row and a data table")
    func svg() {
        let chart = BarChart(id: "chart-x", title: "Rejections <by code>", summary: "Tom & Jerry's \"data\"", bars: [
            BarChart.Bar(label: "<script>alert(1)</script>", value: 3, valueText: "3"),
            BarChart.Bar(label: "zip_mismatch", value: 6, valueText: "6"),
        ], labelHeading: "Code", valueHeading: "Requests")
        let html = chart.render().rendered
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 680 64\" role=\"img\" aria-labelledby=\"chart-x-title chart-x-desc\""))
        #expect(html.contains("<title id=\"chart-x-title\">Rejections &lt;by code&gt;</title>"))
        #expect(html.contains("<desc id=\"chart-x-desc\">Tom &amp; Jerry&#39;s &quot;data&quot;</desc>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<rect ").count == 3)
        #expect(html.contains("<rect x=\"220\" y=\"4\" width=\"150\" height=\"18\""))
        #expect(html.contains("<rect x=\"220\" y=\"32\" width=\"300\" height=\"18\""))
        #expect(html.contains("<th scope=\"row\">zip_mismatch</th><td>6</td>"))
        let empty = BarChart(id: "e", title: "Nothing", summary: "", bars: [], labelHeading: "", valueHeading: "").render().rendered
        #expect(empty.contains("No data yet.") && !empty.contains("<svg"))
    }

    static func event(_ request: String, to status: PortStatus, _ at: String) -> CarrierStats.Move {
        CarrierStats.Move(requestId: request, to: status, at: TestService.instant(at))
    }

    @Test("median business days from the latest submission to the first FOC, per losing carrier; reasons by code")
    func carrierStats() {
        let carriers = ["a": "Granite", "b": "Granite", "c": "Granite", "d": "Lakeside", "e": "Lakeside"]
        let reasons = [[], [], [], [Rejection(code: .zipMismatch), Rejection(code: .zipMismatch, field: "x")],
                       [Rejection(code: .zipMismatch), Rejection(code: .pinInvalid)]]
        let events = [
            // a: Mon 1 Mar -> Wed 3 Mar: 2 business days.
            Self.event("a", to: .submitted, "2027-03-01T15:00:00Z"), Self.event("a", to: .focConfirmed, "2027-03-03T15:00:00Z"),
            // b: resubmitted Fri 5 Mar, FOC Mon 15 Mar (Tue... ): Fri -> Mon 8 = 1, -> Mon 15 = 6 business days.
            Self.event("b", to: .submitted, "2027-03-01T15:00:00Z"), Self.event("b", to: .actionRequired, "2027-03-02T15:00:00Z"),
            Self.event("b", to: .submitted, "2027-03-05T15:00:00Z"), Self.event("b", to: .focConfirmed, "2027-03-15T15:00:00Z"),
            // A second FOC (a new date) does not count again.
            Self.event("b", to: .focConfirmed, "2027-03-20T15:00:00Z"),
            // c: Fri 12 Feb -> Wed 17 Feb, over Presidents' Day (Mon 15 Feb): 2 business days.
            Self.event("c", to: .submitted, "2027-02-12T15:00:00Z"), Self.event("c", to: .focConfirmed, "2027-02-17T15:00:00Z"),
            // d: no FOC yet.
            Self.event("d", to: .submitted, "2027-03-01T15:00:00Z"),
            // e: Lakeside, 4 business days.
            Self.event("e", to: .submitted, "2027-03-01T15:00:00Z"), Self.event("e", to: .focConfirmed, "2027-03-05T15:00:00Z"),
        ]
        let stats = CarrierStats.compute(counts: [.focConfirmed: 5, .draft: 0], carriers: carriers, reasons: reasons, moves: events.reversed(),
                                         calendar: .usFederal)
        #expect(stats.timings == [CarrierStats.CarrierTiming(carrier: "Granite", median: 2, samples: 3),
                                  CarrierStats.CarrierTiming(carrier: "Lakeside", median: 4, samples: 1)])
        #expect(stats.byReason.map(\.code) == [.zipMismatch, .pinInvalid] && stats.byReason.map(\.count) == [2, 1])
        #expect(stats.byStatus.map(\.status) == [.focConfirmed])
    }

    @Test("the dashboard page draws the three charts from real moves", arguments: TestBackend.available)
    func page(backend: TestBackend) async throws {
        try await TestService.with(backend) { service in
            let ops = try await service.makeOps()
            let (_, auth) = try await service.makeAccount()
            try service.addSubscriber(numbers: ["+12175220999"])
            let sent = try await service.submitToCarrier(auth, numbers: ["+12175220999"])
            let id = try #require(sent["id"] as? String)
            // Three days later (Thursday) the carrier's FOC, moved by ops.
            service.clock.advance(by: 3 * 86_400)
            for (to, extra) in [("pending_losing_carrier", [String: Any]()), ("foc_confirmed", ["foc_date": "2027-03-10"])] {
                var body: [String: Any] = ["to": to, "reason": "carrier said so by phone"]
                body.merge(extra) { a, _ in a }
                let moved = try await service.send(.POST, "/v1/ops/port-requests/\(id)/transitions", auth: ops, json: body)
                #expect(moved.status == 200, "\(moved.text)")
            }
            let browser = try await service.signedInOps()
            let page = try await browser.get("/ops/carriers")
            expectPage(page, status: 200, contains: [
                "<svg", "Requests by status", "Rejection reasons by catalog code", "Median business days from submission to FOC",
                "<th scope=\"row\">Granite Telephone</th><td>3 days (1 request)</td>", "aria-current=\"page\">Carriers</a>",
            ])
        }
    }
}
