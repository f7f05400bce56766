import CParallaxAV

/// libavfilter's own graph parser, used to check what a piece of graph text really means.
public enum GraphParser {
    /// Parses `graphText` and returns the value option `option` of filter `name@instance` ends up with.
    public static func optionValue(in graphText: String, filterInstance: String, option: String) throws -> String {
        var value = [CChar](repeating: 0, count: 1 << 16)
        let capacity = value.count
        try value.withUnsafeMutableBufferPointer { buffer in
            try AVError.check {
                pav_graph_option_value(graphText, filterInstance, option, buffer.baseAddress, capacity, $0, $1)
            }
        }
        return String(decoding: value.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
