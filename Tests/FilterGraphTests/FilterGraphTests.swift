import FilterGraph
import Testing

@Suite("Filter graph values")
struct FilterGraphTests {
    @Test("labels are allocated in order, per hint")
    func labelsAreDeterministic() {
        var allocator = LabelAllocator()
        #expect(allocator.next("band") == Label("band0"))
        #expect(allocator.next("band") == Label("band1"))
        #expect(allocator.next("canvas") == Label("canvas0"))
    }

    @Test("an option set on every filter of one name replaces its value there and touches nothing else")
    func settingAnOptionOnEveryFilterOfOneName() {
        var graph = FilterGraph()
        let a = graph.chain([], [Filter("movie", ["filename": "a.png", "threads": 4])], hint: "a")
        let b = graph.chain([], [Filter("movie", ["filename": "b.png"]), Filter("scale", ["w": 8])], hint: "b")
        graph.chain([a, b], [Filter("hstack", ["inputs": 2])], output: Label("vout"))
        let set = graph.setting(.init("threads", "1"), onEvery: "movie")
        #expect(set.script == """
            movie=filename=a.png:threads=1[a0];
            movie=filename=b.png:threads=1,scale=w=8[b0];
            [a0][b0]hstack=inputs=2[vout]

            """)
        #expect(graph.script.contains("threads=4"))
    }

    @Test("the same construction gives the same script text")
    func scriptIsDeterministic() {
        func build() -> String {
            var graph = FilterGraph()
            let source = graph.chain([], [Filter("color", ["c": "red", "s": "8x8"])], hint: "src")
            let copies = graph.split(source, into: 2)
            graph.chain(copies, [Filter("hstack", ["inputs": 2])], output: Label("vout"))
            return graph.script
        }
        #expect(build() == build())
        #expect(build() == """
            color=c=red:s=8x8[src0];
            [src0]split=outputs=2[src0_0][src0_1];
            [src0_0][src0_1]hstack=inputs=2[vout]

            """)
    }

    @Test("a split into one copy passes the label through")
    func splitIntoOneIsIdentity() {
        var graph = FilterGraph()
        let label = Label("x")
        #expect(graph.split(label, into: 1) == [label])
        #expect(graph.chains.isEmpty)
    }

    @Test("options keep their order and instance names are written name@instance")
    func optionOrderAndInstance() {
        let filter = Filter("overlay", ["y": 1, "x": 2], instance: "top")
        #expect(filter.text == "overlay@top=y=1:x=2")
    }
}
