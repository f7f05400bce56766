/// Successive over-relaxation of a membrane over hole pixels, RGB interleaved: each sweep moves
/// every pixel towards (its fixed term + the sum of its hole neighbours) / its degree. The seam
/// blend solves for a correction this way, the fill guide for large-scale colour.
enum MembraneRelaxation {
    /// `neighbours` holds up to four hole-neighbour slots per slot (-1 ends the list); a slot of
    /// degree 0 has nothing to follow and keeps its value.
    static func relax(_ value: inout [Float], neighbours: [Int32], degree: [Float], fixed: [Float],
                      sweeps: Int, omega: Float) {
        let count = degree.count
        value.withUnsafeMutableBufferPointer { v in
        neighbours.withUnsafeBufferPointer { nb in
        degree.withUnsafeBufferPointer { dg in
        fixed.withUnsafeBufferPointer { b in
            for _ in 0..<sweeps {
                for slot in 0..<count where dg[slot] > 0 {
                    var s0 = b[slot * 3], s1 = b[slot * 3 + 1], s2 = b[slot * 3 + 2]
                    for k in 0..<4 {
                        let n = Int(nb[slot * 4 + k])
                        if n < 0 { break }
                        s0 += v[n * 3]; s1 += v[n * 3 + 1]; s2 += v[n * 3 + 2]
                    }
                    let inverse = 1 / dg[slot]
                    v[slot * 3] += omega * (s0 * inverse - v[slot * 3])
                    v[slot * 3 + 1] += omega * (s1 * inverse - v[slot * 3 + 1])
                    v[slot * 3 + 2] += omega * (s2 * inverse - v[slot * 3 + 2])
                }
            }
        }}}}
    }
}
