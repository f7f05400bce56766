/// The grey level of an RGB pixel that the fill's tests of detail and contrast read (the BT.601
/// weights in 8-bit fixed point): one formula, so that they all see the same grey.
enum Grey {
    @inline(__always) static func of(_ red: Int, _ green: Int, _ blue: Int) -> Int {
        (77 * red + 150 * green + 29 * blue) >> 8
    }
}
