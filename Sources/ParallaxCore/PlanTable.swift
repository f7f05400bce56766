import Foundation

/// The plan as a text table, for `parallax plan`.
public struct PlanTable: Sendable {
    public let plan: MotionPlan
    public init(plan: MotionPlan) { self.plan = plan }

    public var text: String {
        var rows = [["layer", "rows", "speed", "direction", "px/step (x, y)", "steps needed"]]
        for layer in plan.layers {
            rows.append([
                layer.name,
                rowText(of: layer),
                fixed(layer.speed, 4),
                "\(fixed(layer.direction.degrees, 1))°",
                "\(fixed(layer.velocity.x, 2)), \(fixed(layer.velocity.y, 2))",
                layer.stepsNeeded.map(String.init) ?? "still",
            ])
        }
        var lines = table(rows)
        if !plan.objects.isEmpty {
            var objectRows = [["object", "box (x, y, w×h)", "speed", "direction", "px/step (x, y)", "steps to leave"]]
            for object in plan.objects {
                objectRows.append([
                    object.name,
                    "\(object.box.x), \(object.box.y), \(object.box.width)×\(object.box.height)",
                    fixed(object.speed, 4),
                    "\(fixed(object.direction.degrees, 1))°",
                    "\(fixed(object.velocity.x, 2)), \(fixed(object.velocity.y, 2))",
                    object.stepsNeeded.map(String.init) ?? "still",
                ])
            }
            lines.append("")
            lines += table(objectRows)
        }
        lines.append("")
        lines.append("image \(plan.width)x\(plan.height), step shift \(fixed(plan.stepShift, 2)) px")
        lines.append("steps \(plan.steps) at \(rate(plan.stepsPerSecond)) steps/s, \(rate(plan.fps)) fps")
        lines.append("duration \(fixed(plan.duration, 3)) s, \(plan.frameCount) frames")
        return lines.joined(separator: "\n")
    }

    /// A straight band's rows, or the rows a contour layer reaches with "curve" after them.
    private func rowText(of layer: LayerMotion) -> String {
        if layer.region.isStraight { return "\(layer.top)–\(layer.top + layer.height - 1)" }
        let reach = layer.region.reach
        return "\(reach.lowerBound)–\(reach.upperBound - 1) curve"
    }

    private func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        return lines
    }

    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func rate(_ value: Rational) -> String {
        value.denominator == 1 ? "\(value.numerator)" : "\(value) (\(fixed(value.doubleValue, 3)))"
    }
}
