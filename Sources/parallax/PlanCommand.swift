import ArgumentParser
import Foundation
import ParallaxCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the layer table and the totals a scene gives.",
        discussion: """
        Shows each layer's rows, speed, velocity in pixels per step and the steps it needs to move
        its whole extent, then the step count, duration and frame count.

        Examples:
          parallax plan fixtures/demo
          parallax plan my-project/scene.json
        """
    )

    @Argument(help: "Project folder (with scene.json) or a scene file.")
    var project: String

    func run() throws {
        print(PlanTable(plan: try Project(path: project).plan).text)
    }
}
