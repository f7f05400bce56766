import Foundation

/// Container details of parts and joins.
enum PartContainer {
    /// MP4 and MOV keep only the tags they know unless told otherwise: a part's labels need
    /// `movflags=+use_metadata_tags`.
    static func keepingMetadata(_ options: [(key: String, value: String)], container: String?,
                                path: String?) -> [(key: String, value: String)] {
        let ext = path.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        let isMP4 = container.map { ["mp4", "mov", "ipod", "3gp"].contains($0) } ?? ["mp4", "m4v", "mov"].contains(ext)
        guard isMP4 else { return options }
        var options = options
        if let index = options.firstIndex(where: { $0.key == "movflags" }) {
            options[index].value += "+use_metadata_tags"
        } else {
            options.append(("movflags", "+use_metadata_tags"))
        }
        return options
    }
}
