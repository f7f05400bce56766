/// A problem with user input, said in one line: the file, the field, what is wrong.
public struct SceneError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let field: String?
    public let problem: String

    public init(file: String, field: String? = nil, _ problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    public var description: String {
        [file, field, problem].compactMap { $0 }.joined(separator: ": ")
    }
}
