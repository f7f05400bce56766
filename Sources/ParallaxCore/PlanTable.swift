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
                "\(layer.top)–\(layer.top + layer.height - 1)",
                fixed(layer.speed, 4),
                "\(fixed(layer.direction.degrees, 1))°",
                "\(fixed(layer.velocity.x, 2)), \(fixed(layer.velocity.y, 2))",
                layer.stepsNeeded.map(String.init) ?? "still",
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        lines.append("")
        lines.append("image \(plan.width)x\(plan.height), step shift \(fixed(plan.stepShift, 2)) px")
        lines.append("steps \(plan.steps) at \(rate(plan.stepsPerSecond)) steps/s, \(rate(plan.fps)) fps")
        lines.append("duration \(fixed(plan.duration, 3)) s, \(plan.frameCount) frames")
        return lines.joined(separator: "\n")
    }

    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func rate(_ value: Rational) -> String {
        value.denominator == 1 ? "\(value.numerator)" : "\(value) (\(fixed(value.doubleValue, 3)))"
    }
}
