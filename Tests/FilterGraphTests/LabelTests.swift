import FilterGraph
import Testing

@Suite("Labels")
struct LabelTests {
    @Test("label hints from any text give labels of letters, digits and underscores only")
    func labelsAreAlwaysPlain() {
        var allocator = LabelAllocator()
        for hint in ["x];nullsrc[z", "a b", "ü", "", "[in]", "a;b,c:d"] {
            let label = allocator.next(hint)
            #expect(label.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "\(hint) gave \(label)")
        }
        #expect(allocator.next("a;b") != allocator.next("a;b"), "labels stay unique")
    }
}
