import Foundation

/// What `parallax studio` was asked for.
public struct StudioSettings: Sendable {
    /// The project folder (holding scene.json).
    public var projectDirectory: String
    /// 0 picks a free port.
    public var port: Int
    /// This same `parallax` binary, run as the child that generates and renders.
    public var executable: String
    public var token: AccessToken

    public init(projectDirectory: String, port: Int, executable: String, token: AccessToken = .random()) {
        self.projectDirectory = projectDirectory
        self.port = port
        self.executable = executable
        self.token = token
    }
}

/// A failure to start the studio, as one line.
public struct StudioError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
