import ParallaxGenerate
import Testing

@Suite struct CommandTemplateTests {
    @Test func splitsLikeAShellWithoutExpanding() throws {
        #expect(try CommandTemplate.split(#"python3 'my dir/fill.py' "a \"b\" $HOME" c\ d {image}"#)
            == ["python3", "my dir/fill.py", #"a "b" $HOME"#, "c d", "{image}"])
        #expect(try CommandTemplate.split("  a\t b  ") == ["a", "b"])
        #expect(try CommandTemplate.split("a '' b") == ["a", "", "b"])
    }

    @Test func substitutesPerWordSoValuesStayOneArgument() throws {
        let template = try CommandTemplate("fill --in={image} {mask} --prompt {prompt} {output}")
        let arguments = template.arguments(["image": "/tmp/a b.png", "mask": "m.png", "prompt": "a 'quoted'; rm -rf /", "output": "o.png"])
        #expect(arguments == ["fill", "--in=/tmp/a b.png", "m.png", "--prompt", "a 'quoted'; rm -rf /", "o.png"])
    }

    @Test func shellModeQuotesEveryValue() throws {
        let template = try CommandTemplate("fill {prompt} | cat", shell: true)
        #expect(template.arguments(["prompt": "it's; ls"]) == ["/bin/sh", "-c", #"fill 'it'\''s; ls' | cat"#])
    }

    @Test func unknownPlaceholdersAndBadQuotesAreReported() throws {
        #expect(throws: InpaintError.self) { try CommandTemplate("fill {imgae}") }
        #expect(throws: InpaintError.self) { try CommandTemplate("fill 'open") }
        #expect(throws: InpaintError.self) { try CommandTemplate("   ") }
        // JSON-ish braces that are not placeholder names are left alone.
        #expect(try CommandTemplate(#"tool '{"a": 1}'"#).arguments([:]) == ["tool", #"{"a": 1}"#])
    }
}
